// The schedule URL against a local HTTP server with scripted answers: the fetcher's conditional
// requests and backoff in process, then the real binary through 200, 304, 500, a timeout and a
// body that is not a schedule.
#include <gtest/gtest.h>

#include "delivery_test_support.hpp"
#include "live/schedule_fetcher.hpp"
#include "temporary_folder.hpp"

namespace ijlas::delivery_testing {
namespace {

using live::FetchResult;
using live::ScheduleFetcher;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Polls the fetcher like the kiosk's loop until a fetch finishes.
FetchResult next_result(ScheduleFetcher& fetcher) {
  const auto end = std::chrono::steady_clock::now() + kPatience;
  while (std::chrono::steady_clock::now() < end) {
    if (auto result = fetcher.poll(now_ms())) return *result;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ADD_FAILURE() << "no fetch finished";
  return {};
}

TEST(ScheduleFetcher, SendsTheETagBareAsPretalxWantsItAndIfModifiedSince) {
  // pretalx: compares If-None-Match with its tag without quotes.
  HttpTestServer server([](const HttpRequest& request) {
    HttpResponse response;
    response.headers = {{"ETag", "\"8b0e9d86\""},
                        {"Last-Modified", "Wed, 26 Nov 2025 05:00:00 GMT"}};
    if (request.header("if-none-match") == "8b0e9d86") response.status = 304;
    response.body = "schedule";
    return response;
  });
  ScheduleFetcher fetcher({server.url("/schedule.xml"), 100, 2000, 10'000, IJLAS_FETCH_BINARY});
  FetchResult first = next_result(fetcher);
  EXPECT_EQ(first.kind, FetchResult::Kind::kChanged);
  EXPECT_EQ(first.body, "schedule");
  EXPECT_EQ(next_result(fetcher).kind, FetchResult::Kind::kNotModified);
  EXPECT_EQ(next_result(fetcher).kind, FetchResult::Kind::kNotModified);
  const auto requests = server.requests();
  ASSERT_GE(requests.size(), 3u);
  EXPECT_EQ(requests[0].header("if-none-match"), "");
  EXPECT_EQ(requests[1].header("if-none-match"), "8b0e9d86");
  EXPECT_EQ(requests[1].header("if-modified-since"), "Wed, 26 Nov 2025 05:00:00 GMT");
  EXPECT_EQ(requests[1].path, "/schedule.xml");
  EXPECT_NE(requests[1].header("user-agent").find("ijlas/"), std::string::npos);
}

TEST(ScheduleFetcher, QuotesTheETagForAServerThatIgnoresTheBareOne) {
  HttpTestServer server([](const HttpRequest& request) {
    HttpResponse response;  // RFC 9110: the tag with its quotes
    response.headers = {{"ETag", "\"v1\""}};
    if (request.header("if-none-match") == "\"v1\"") response.status = 304;
    response.body = "schedule";
    return response;
  });
  ScheduleFetcher fetcher({server.url("/s"), 100, 2000, 10'000, IJLAS_FETCH_BINARY});
  EXPECT_EQ(next_result(fetcher).kind, FetchResult::Kind::kChanged);
  EXPECT_EQ(next_result(fetcher).kind, FetchResult::Kind::kChanged);  // the bare tag: ignored
  EXPECT_EQ(next_result(fetcher).kind, FetchResult::Kind::kNotModified);
  EXPECT_EQ(next_result(fetcher).kind, FetchResult::Kind::kNotModified);
  EXPECT_EQ(server.requests()[2].header("if-none-match"), "\"v1\"");
}

TEST(ScheduleFetcher, BacksOffWithJitterWhileTheServerFailsAndTimesOut) {
  std::atomic<int> mode{0};  // 0: HTTP 500, 1: too slow, 2: fine
  HttpTestServer server([&](const HttpRequest&) {
    HttpResponse response;
    if (mode == 0) response.status = 500;
    if (mode == 1) response.delay = std::chrono::milliseconds(1500);
    response.body = "ok";
    return response;
  });
  ScheduleFetcher fetcher({server.url("/s"), 200, 500, 60'000, IJLAS_FETCH_BINARY});
  std::vector<std::int64_t> gaps;
  std::int64_t last = now_ms();
  for (int i = 0; i < 4; ++i) {
    const FetchResult result = next_result(fetcher);
    EXPECT_EQ(result.kind, FetchResult::Kind::kFailed);
    EXPECT_EQ(result.error, "the server answered HTTP 500");
    EXPECT_EQ(fetcher.consecutive_failures(), i + 1);
    gaps.push_back(now_ms() - last);
    last = now_ms();
  }
  // 200 ms doubling with ±25 % jitter: 150–250, 300–500, 600–1000 ms after the first.
  EXPECT_GE(gaps[1], 150);
  EXPECT_GE(gaps[3], 600);
  EXPECT_LT(gaps[3], 1400);
  mode = 1;
  const FetchResult slow = next_result(fetcher);
  EXPECT_EQ(slow.kind, FetchResult::Kind::kFailed);
  EXPECT_NE(slow.error.find("timed out"), std::string::npos) << slow.error;
  mode = 2;
  EXPECT_EQ(next_result(fetcher).kind, FetchResult::Kind::kChanged);
  EXPECT_EQ(fetcher.consecutive_failures(), 0);
  EXPECT_LE(fetcher.next_wakeup_ms() - now_ms(), 250);  // back to the plain interval
}

TEST(ScheduleFetcher, StopsPromptlyWithATransferInFlight) {
  HttpTestServer server([](const HttpRequest&) {
    HttpResponse response;
    response.delay = std::chrono::seconds(5);
    return response;
  });
  const auto start = std::chrono::steady_clock::now();
  {
    ScheduleFetcher fetcher({server.url("/s"), 1000, 30'000, 60'000, IJLAS_FETCH_BINARY});
    fetcher.poll(now_ms());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST(ScheduleFetcher, AFetcherThatDiesOrAnswersNonsenseIsAFailureThatBacksOff) {
  // The fetch runs in a child process: one that exits without an answer (/bin/false) or writes
  // something else (/bin/echo, its arguments) is a failed fetch, never a crash of the kiosk.
  for (const char* program : {"/bin/false", "/bin/echo"}) {
    ScheduleFetcher fetcher({"http://127.0.0.1:9/s", 100, 2000, 10'000, program});
    const FetchResult result = next_result(fetcher);
    EXPECT_EQ(result.kind, FetchResult::Kind::kFailed) << program;
    EXPECT_NE(result.error.find("fetcher"), std::string::npos) << program << ": " << result.error;
    EXPECT_EQ(fetcher.consecutive_failures(), 1) << program;
    EXPECT_GT(fetcher.next_wakeup_ms() - now_ms(), 50) << program << ": backs off";
  }
}

TEST(FetchAnswer, ReadsBackWhatTheFetchProgramWritesAndRefusesAnythingElse) {
  FetchResult sent;
  sent.kind = FetchResult::Kind::kChanged;
  sent.http_status = 200;
  sent.etag = "\"8b0e9d86\"";
  sent.last_modified = "Wed, 26 Nov 2025 05:00:00 GMT";
  sent.body = "{\"schedule\":\n{}}\n";
  const auto read = live::read_fetch_answer(live::fetch_answer(sent));
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->kind, sent.kind);
  EXPECT_EQ(read->http_status, 200);
  EXPECT_EQ(read->etag, sent.etag);
  EXPECT_EQ(read->last_modified, sent.last_modified);
  EXPECT_EQ(read->body, sent.body);
  EXPECT_FALSE(live::read_fetch_answer("no header line"));
  EXPECT_FALSE(live::read_fetch_answer("{\"kind\":\"changed\"}\nbody"));
  EXPECT_FALSE(live::read_fetch_answer(
      "{\"kind\":\"failed\",\"status\":0,\"etag\":\"\",\"last_modified\":\"\",\"error\":\"\"}\n"))
      << "a failure must say what failed";
}

// The whole kiosk on a URL: what it shows through each kind of answer.
TEST(UrlDelivery, ShowsWhatTheServerSendsAndKeepsItThroughFailures) {
  std::mutex mutex;
  std::string mode = "agenda-1";
  HttpTestServer server([&](const HttpRequest& request) {
    std::lock_guard lock(mutex);
    HttpResponse response;
    if (mode == "agenda-1") {
      response.headers = {{"ETag", "\"one\""}};
      if (request.header("if-none-match") == "one") response.status = 304;
      response.body = small_agenda("URL agenda", "First from the server");
    } else if (mode == "500") {
      response.status = 500;
    } else if (mode == "timeout") {
      response.delay = std::chrono::milliseconds(2500);
    } else if (mode == "not-a-schedule") {
      response.headers = {{"ETag", "\"two\""}};
      response.body = "<html><body>Maintenance</body></html>";
    } else {
      response.headers = {{"ETag", "\"three\""}};
      response.body = small_agenda("URL agenda", "Second from the server");
    }
    return response;
  });
  auto set_mode = [&](const std::string& next) {
    std::lock_guard lock(mutex);
    mode = next;
    return server.requests().size();
  };
  const TemporaryFolder dir("delivery-url");
  write_file(dir / "ijlas.toml",
             "[sources]\ninbox = \"\"\nurl = \"" + server.url("/schedule.json") +
                 "\"\npoll_seconds = 1\ntimeout_seconds = 1\n[state]\ndir = \"" +
                 (dir / "state").string() + "\"\n");
  write_file(dir / "start.json", small_agenda("Bundled", "From the start"));
  const fs::path out = dir / "out";
  KioskProcess kiosk(
      {"--config", (dir / "ijlas.toml").string(), "--headless", "--live-shots", out.string(),
       "--agenda", (dir / "start.json").string(), "--clock", "2025-11-26T10:20+05:00",
       "--clock-rate", "0", "--lang", "en", "--size", "960x540"},
      dir / "stderr.log");
  auto shows = [&](const std::string& text) {
    return eventually([&] { return shown(out).find(text) != std::string::npos; });
  };
  auto requests_after = [&](std::size_t count, std::size_t more) {
    return eventually([&] { return server.answered() >= count + more; });
  };

  // 200, then 304s for the same tag (sent bare), the agenda stays.
  ASSERT_TRUE(shows("First from the server")) << kiosk.log();
  ASSERT_TRUE(requests_after(0, 3));
  const auto requests = server.requests();
  EXPECT_EQ(requests[0].header("if-none-match"), "");
  EXPECT_EQ(requests[1].header("if-none-match"), "one");
  EXPECT_NE(shown(out).find("First from the server"), std::string::npos);

  // 500 and a timeout: the agenda stays, no notice (it is logged).
  std::size_t before = set_mode("500");
  ASSERT_TRUE(requests_after(before, 2));
  before = set_mode("timeout");
  ASSERT_TRUE(requests_after(before, 1));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_NE(shown(out).find("First from the server"), std::string::npos);
  EXPECT_EQ(shown(out).find("Not used"), std::string::npos);
  EXPECT_NE(kiosk.log().find("the server answered HTTP 500"), std::string::npos) << kiosk.log();
  EXPECT_NE(kiosk.log().find("timed out"), std::string::npos) << kiosk.log();

  // A body that is not a schedule: rejected with a notice; the agenda stays.
  set_mode("not-a-schedule");
  ASSERT_TRUE(shows("Not used: schedule.json:")) << shown(out) << kiosk.log();
  EXPECT_NE(shown(out).find("First from the server"), std::string::npos);

  // A new schedule: shown, the notice gone, and kept as the last good agenda.
  set_mode("agenda-2");
  ASSERT_TRUE(shows("Second from the server")) << kiosk.log();
  EXPECT_TRUE(eventually([&] { return shown(out).find("Not used") == std::string::npos; }));
  EXPECT_EQ(kiosk.stop(), 0) << kiosk.log();
  EXPECT_NE(read_file(dir / "state/agenda.json").bytes.find("Second from the server"),
            std::string::npos);
}

}  // namespace
}  // namespace ijlas::delivery_testing
