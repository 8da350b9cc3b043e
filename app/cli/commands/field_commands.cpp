// tiller-cli fields: the custom fields the administrator adds to the kinds of record that take
// them (SPEC §1.4). The rules are tiller::record::CustomFields'; this only reads the command line.
#include "../cli_context.hpp"

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/record/custom_fields.hpp>
#include <tiller/record/entity.hpp>

namespace tiller::cli {
namespace {

const record::Entity& declaredEntity(Runtime& runtime, const std::string& id) {
    const auto* e = runtime.registry().entity(id);
    if (!e) {
        std::string known;
        for (const auto& entity : runtime.registry().entities())
            if (entity.customFields) known += (known.empty() ? "" : ", ") + entity.id;
        throw NotFound("there is no kind of record called " + id +
                       (known.empty() ? "" : " (kinds that take custom fields: " + known + ")"));
    }
    return *e;
}

record::FieldType typeNamed(const std::string& name) {
    auto type = record::typeFromName(name);
    if (!type || !record::hasColumn(*type)) {
        std::string names;
        for (auto t : record::allTypes())
            if (record::hasColumn(t)) names += (names.empty() ? "" : ", ") + std::string(record::typeName(t));
        throw ValidationError("type", "'" + name + "' is not a type of custom field; use one of " + names);
    }
    return *type;
}

std::string withoutPrefix(const std::string& column) { return column.rfind("cf_", 0) == 0 ? column.substr(3) : column; }

}  // namespace

void addFieldCommands(CLI::App& app, CliContext& context) {
    static std::string entity, name, type, label, chinese, group, dictionary, references;
    static int order = 0;
    static bool required = false, searchable = false, disabled = false;
    auto* fields = app.add_subcommand("fields", "Custom fields: list those of a kind of record, or add one");
    fields->add_option("ENTITY", entity, "The kind of record, e.g. hello.greeting");
    context.addJsonFlag(*fields);

    auto* add = fields->add_subcommand("add", "Add a custom field (needs the permission core.fields)");
    add->add_option("ENTITY", entity, "The kind of record, e.g. hello.greeting")->required();
    add->add_option("NAME", name, "lower case letters, digits and _; the column is cf_NAME")->required();
    add->add_option("--type", type, "text, long_text, integer, money, date, datetime, boolean, phone, email, url, "
                                    "picklist, reference or user (fixed once saved)")
        ->required();
    add->add_option("--label", label, "What people read, in English")->required();
    add->add_option("--label-zh", chinese, "What people read, in Chinese");
    add->add_option("--group", group, "The group it is shown in on forms");
    add->add_option("--order", order, "Its place within the group");
    add->add_flag("--required", required, "A record cannot be saved without it");
    add->add_flag("--searchable", searchable, "The search box looks in it (and lists may sort by it)");
    add->add_flag("--disabled", disabled, "Defined but not shown yet");
    add->add_option("--dictionary", dictionary, "picklist: the dictionary kind of its values (see 'dictionary kinds')");
    add->add_option("--references", references, "reference: the kind of record it points to");
    context.addJsonFlag(*add);
    add->callback([&context] {
        auto& runtime = context.signedInRuntime();
        declaredEntity(runtime, entity);
        record::CustomFieldDraft draft;
        draft.name = name;
        draft.type = typeNamed(type);
        draft.labels["en"] = label;
        if (!chinese.empty()) draft.labels["zh_CN"] = chinese;
        draft.group = group;
        draft.order = order;
        draft.enabled = !disabled;
        draft.required = required;
        draft.searchable = searchable;
        draft.dictionary = dictionary;
        draft.references = references;
        auto field = record::CustomFields(runtime.host(), runtime.clock()).add(entity, draft);
        context.answer({{"entity", entity}, {"name", withoutPrefix(field.name)}, {"column", field.name}},
                       "added the custom field " + field.name + " to " + entity);
    });

    fields->callback([&context, add, fields] {
        if (add->parsed()) return;
        if (entity.empty()) throw CLI::RequiredError(fields->get_name() + " ENTITY");
        auto& runtime = context.signedInRuntime();
        declaredEntity(runtime, entity);
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& f : record::CustomFields(runtime.host(), runtime.clock()).list(entity)) {
            auto shown = i18n::tr(f.label);
            std::string type(record::typeName(f.type));
            all.push_back({{"name", withoutPrefix(f.name)}, {"column", f.name}, {"type", type}, {"label", shown},
                           {"labels", f.label.byLanguage}, {"group", f.group}, {"order", f.order},
                           {"enabled", f.enabled}, {"required", f.required}, {"searchable", f.searchable},
                           {"dictionary", f.dictionary}, {"references", f.references}});
            text += withoutPrefix(f.name) + "\t" + type + "\t" + shown + "\t" + f.group + "\t" + std::to_string(f.order) +
                    (f.enabled ? "" : "\tdisabled") + (f.required ? "\trequired" : "") +
                    (f.searchable ? "\tsearchable" : "") + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"entity", entity}, {"fields", all}}, text);
    });
}

}  // namespace tiller::cli
