#include <tiller/log/log.hpp>
#include <tiller/paths.hpp>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace tiller::log {
namespace {

std::mutex mutex;
std::shared_ptr<spdlog::logger> logger;
std::filesystem::path file;

spdlog::level::level_enum toSpd(Level level) {
    switch (level) {
        case Level::debug: return spdlog::level::debug;
        case Level::info: return spdlog::level::info;
        case Level::warning: return spdlog::level::warn;
        case Level::error: return spdlog::level::err;
        case Level::off: return spdlog::level::off;
    }
    return spdlog::level::info;
}

std::shared_ptr<spdlog::logger> stderrOnly(Level level) {
    auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    sink->set_pattern("tiller: %l: %v");
    sink->set_level(toSpd(level));
    auto l = std::make_shared<spdlog::logger>("tiller", sink);
    l->set_level(spdlog::level::trace);
    return l;
}

std::shared_ptr<spdlog::logger> current() {
    std::lock_guard lock(mutex);
    if (!logger) logger = stderrOnly(Level::warning);
    return logger;
}

}  // namespace

std::optional<Level> parseLevel(std::string_view text) {
    if (text == "debug") return Level::debug;
    if (text == "info") return Level::info;
    if (text == "warning" || text == "warn") return Level::warning;
    if (text == "error") return Level::error;
    if (text == "off") return Level::off;
    return std::nullopt;
}

std::string_view levelName(Level level) {
    switch (level) {
        case Level::debug: return "debug";
        case Level::info: return "info";
        case Level::warning: return "warning";
        case Level::error: return "error";
        case Level::off: return "off";
    }
    return "info";
}

void init(const Options& options) {
    auto errSink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    errSink->set_pattern("tiller: %l: %v");
    errSink->set_level(toSpd(options.stderrLevel));
    std::vector<spdlog::sink_ptr> sinks{errSink};

    auto folder = options.directory.empty() ? paths::userStateDir() : options.directory;
    std::string problem;
    std::filesystem::path target;
    if (options.fileLevel != Level::off) {
        try {
            std::filesystem::create_directories(folder);
            target = folder / "tiller.log";
            auto fileSink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                target.string(), options.maxFileBytes, options.keepFiles);
            fileSink->set_pattern("%Y-%m-%d %H:%M:%S.%e %L [%t] %v");
            fileSink->set_level(toSpd(options.fileLevel));
            sinks.push_back(fileSink);
        } catch (const std::exception& e) {
            problem = e.what();
            target.clear();
        }
    }
    auto l = std::make_shared<spdlog::logger>("tiller", sinks.begin(), sinks.end());
    l->set_level(spdlog::level::trace);
    l->flush_on(spdlog::level::warn);
    {
        std::lock_guard lock(mutex);
        logger = l;
        file = target;
    }
    if (!problem.empty())
        write(Level::warning, "cannot write the log file in " + folder.string() + " (" + problem +
                                  "); logging to stderr only");
}

std::filesystem::path currentFile() {
    std::lock_guard lock(mutex);
    return file;
}

void write(Level level, std::string_view message) {
    if (level == Level::off) return;
    current()->log(toSpd(level), "{}", message);
}

}  // namespace tiller::log
