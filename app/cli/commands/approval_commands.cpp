// tiller-cli approvals: the "waiting for me" inbox (待办) and the actions on it (SPEC §8).
#include "../cli_context.hpp"

#include <tiller/approval/engine.hpp>

namespace tiller::cli {

void addApprovalCommands(CLI::App& app, CliContext& context) {
    static long long id = 0, record = 0;
    static std::string comment, entity;
    auto* approvals = app.add_subcommand("approvals", "Approvals waiting for you, and acting on them");
    approvals->require_subcommand(1);

    auto* inbox = approvals->add_subcommand("inbox", "What waits for your approval");
    context.addJsonFlag(*inbox);
    inbox->callback([&context] {
        auto& runtime = context.startedRuntime();
        approval::Engine engine(runtime.host(), runtime.clock());
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& i : engine.inbox()) {
            all.push_back({{"id", i.id}, {"flow", i.flowId}, {"entity", i.entity}, {"record", i.recordId},
                           {"step", i.currentStepName}, {"fields", i.fields}});
            text += std::to_string(i.id) + "\t" + i.flowId + "\t" + i.entity + " " + std::to_string(i.recordId) + "\t" +
                    i.currentStepName + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"waiting", all}}, text.empty() ? "nothing waits for you" : text);
    });

    for (bool approve : {true, false}) {
        auto* act = approvals->add_subcommand(approve ? "approve" : "reject", approve ? "Approve a step" : "Reject");
        act->add_option("ID", id, "The approval's id (see inbox)")->required();
        act->add_option("--comment", comment, "Why");
        act->callback([&context, approve] {
            auto& runtime = context.startedRuntime();
            approval::Engine engine(runtime.host(), runtime.clock());
            if (approve) engine.approve(id, comment); else engine.reject(id, comment);
            context.answer({{"id", id}, {"approved", approve}}, std::string(approve ? "approved " : "rejected ") + std::to_string(id));
        });
    }

    auto* history = approvals->add_subcommand("history", "Every approval step taken on a record");
    history->add_option("ENTITY", entity, "Kind of record, e.g. hello.greeting")->required();
    history->add_option("RECORD", record, "Its id")->required();
    context.addJsonFlag(*history);
    history->callback([&context] {
        auto& runtime = context.startedRuntime();
        approval::Engine engine(runtime.host(), runtime.clock());
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& h : engine.history(entity, record)) {
            all.push_back({{"step", h.stepName}, {"action", h.action}, {"by", h.actorName}, {"comment", h.comment}, {"at", h.at}});
            text += h.action + "\t" + h.stepName + "\t" + h.actorName + "\t" + h.comment + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"history", all}}, text);
    });
}

}  // namespace tiller::cli
