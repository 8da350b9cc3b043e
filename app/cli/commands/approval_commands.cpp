// tiller-cli approvals: the "waiting for me" inbox (待办) and the actions on it, and the
// flows themselves as the administrator edits them (SPEC §8).
#include "../cli_context.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/approval/flow_book.hpp>
#include <tiller/errors.hpp>

#include <fstream>

namespace tiller::cli {
namespace {

// tiller-cli approvals flows | flow show ID | flow set ID FILE.yaml | flow reset ID
void addFlowCommands(CLI::App& approvals, CliContext& context) {
    static std::string id, file;
    auto* list = approvals.add_subcommand("flows", "The approval flows in force, and which the administrator changed");
    context.addJsonFlag(*list);
    list->callback([&context] {
        auto& runtime = context.startedRuntime();
        approval::FlowBook book(runtime.host(), runtime.clock());
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& entry : book.flows()) {
            std::string problem;
            try {
                book.checkApprovers(entry.flow);
            } catch (const approval::FlowError& e) {
                problem = e.reason();
            }
            all.push_back({{"id", entry.flow.id}, {"name", entry.flow.name}, {"entity", entry.flow.entity},
                           {"plugin", entry.owner}, {"customised", entry.customised},
                           {"steps", entry.flow.steps.size()}, {"problem", problem}});
            text += entry.flow.id + "\t" + entry.flow.name + "\t" + (entry.customised ? "customised" : "as shipped") +
                    (problem.empty() ? "" : "\tPROBLEM: " + problem) + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"flows", all}}, text);
    });

    auto* flow = approvals.add_subcommand("flow", "Show, change or reset one approval flow");
    flow->require_subcommand(1);
    auto* show = flow->add_subcommand("show", "Print the flow in force as YAML (edit it and give it to 'flow set')");
    show->add_option("ID", id, "The flow's id (see 'approvals flows')")->required();
    context.addJsonFlag(*show);
    show->callback([&context] {
        auto& runtime = context.startedRuntime();
        auto entry = approval::FlowBook(runtime.host(), runtime.clock()).find(id);
        std::string yaml = approval::toYaml(entry.flow);
        context.answer({{"id", id}, {"customised", entry.customised}, {"yaml", yaml}}, yaml.substr(0, yaml.size() - 1));
    });

    auto* set = flow->add_subcommand("set", "Put an edited flow in force (administrators)");
    set->add_option("ID", id, "The flow's id")->required();
    set->add_option("FILE", file, "The flow as YAML, e.g. from 'flow show'")->required();
    set->callback([&context] {
        auto& runtime = context.startedRuntime();
        std::ifstream in(file, std::ios::binary);
        if (!in) throw ConfigError(file, 0, "", "cannot be read");
        std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto edited = approval::parseFlow(yaml, file);
        approval::FlowBook book(runtime.host(), runtime.clock());
        try {
            book.save(id, edited, book.find(id).version);
        } catch (const approval::FlowError& e) {
            throw approval::locate(e, yaml, file);
        }
        context.answer({{"id", id}, {"customised", true}}, "saved the approval flow " + id);
    });

    auto* reset = flow->add_subcommand("reset", "Put the plugin's own flow back in force (administrators)");
    reset->add_option("ID", id, "The flow's id")->required();
    reset->callback([&context] {
        auto& runtime = context.startedRuntime();
        approval::FlowBook(runtime.host(), runtime.clock()).reset(id);
        context.answer({{"id", id}, {"customised", false}}, "the approval flow " + id + " is the plugin's again");
    });
}

}  // namespace

void addApprovalCommands(CLI::App& app, CliContext& context) {
    static long long id = 0, record = 0;
    static std::string comment, entity;
    auto* approvals = app.add_subcommand("approvals", "Approvals waiting for you, acting on them, and the flows");
    approvals->require_subcommand(1);
    addFlowCommands(*approvals, context);

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
