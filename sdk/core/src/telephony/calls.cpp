#include <tiller/telephony/calls.hpp>

#include <array>
#include <utility>

namespace tiller::telephony {
namespace {

// The words stored in the call log and printed by tiller-cli: they must not change.
constexpr std::array<std::pair<CallResult, const char*>, 8> kResults{{{CallResult::answered, "answered"},
                                                                      {CallResult::missed, "missed"},
                                                                      {CallResult::rejected, "rejected"},
                                                                      {CallResult::busy, "busy"},
                                                                      {CallResult::noAnswer, "no_answer"},
                                                                      {CallResult::cancelled, "cancelled"},
                                                                      {CallResult::failed, "failed"},
                                                                      {CallResult::transferred, "transferred"}}};
constexpr std::array<std::pair<AgentState, const char*>, 3> kStates{
    {{AgentState::idle, "idle"}, {AgentState::busy, "busy"}, {AgentState::onBreak, "break"}}};

template <class Enum, std::size_t N>
const char* nameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return "";
}

template <class Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& names, const std::string& text) {
    for (const auto& [v, name] : names)
        if (text == name) return v;
    return std::nullopt;
}

}  // namespace

const char* toString(CallResult result) { return nameOf(kResults, result); }
std::optional<CallResult> callResultFrom(const std::string& text) { return valueOf(kResults, text); }
const char* toString(AgentState state) { return nameOf(kStates, state); }
std::optional<AgentState> agentStateFrom(const std::string& text) { return valueOf(kStates, text); }

const char* toString(Registration state) {
    switch (state) {
        case Registration::none: return "none";
        case Registration::inProgress: return "in_progress";
        case Registration::ok: return "ok";
        case Registration::failed: return "failed";
        case Registration::cleared: return "cleared";
    }
    return "";
}

}  // namespace tiller::telephony
