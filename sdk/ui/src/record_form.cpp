#include <tiller/ui/record_form.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/sizer.h>
#include <wx/statbox.h>

namespace tiller::ui {

RecordForm::RecordForm(wxWindow* parent, record::Store& store, const record::Form& form,
                       std::optional<record::Record> record)
    : wxScrolledWindow(parent, wxID_ANY), store_(store), entity_(store.entity(form.entity)), record_(std::move(record)) {
    auto* page = new wxBoxSizer(wxVERTICAL);
    long long id = record_ ? record_->id : 0;
    wxColour red(192, 0, 0);
    for (const auto& section : record::layout(form, entity_)) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, this, section.label.empty() ? wxString() : ui::tr(section.label));
        auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 2)));
        grid->AddGrowableCol(1, 1);
        for (const auto& placement : section.fields) {
            const record::Field* f = entity_.field(placement.field);
            Row row{f, placement, makeEditor(box->GetStaticBox(), store_, entity_, *f, id), nullptr, nullptr, ""};
            wxString caption = ui::tr(f->label) + (f->required ? " *" : "");
            row.label = new wxStaticText(box->GetStaticBox(), wxID_ANY, caption);
            if (f->required) row.label->SetToolTip(ui::tr("Required"));
            row.error = new wxStaticText(box->GetStaticBox(), wxID_ANY, "");
            row.error->SetForegroundColour(red);
            row.error->Hide();
            row.editor->window()->SetName(wxString::FromUTF8(f->name));
            auto* cell = new wxBoxSizer(wxVERTICAL);
            cell->Add(row.editor->window(), 0, wxEXPAND);
            cell->Add(row.error, 0, wxTOP, FromDIP(1));
            grid->Add(row.label, 0, wxALIGN_TOP | wxTOP, FromDIP(5));
            grid->Add(cell, 1, wxEXPAND | wxBOTTOM, FromDIP(4));
            // Text Tiller keeps (a status, an approval state) is shown as people read it.
            if (record_)
                row.loaded = f->readOnly && f->type == record::FieldType::text ? store_.text(*f, record_->value(f->name))
                                                                               : editText(*f, record_->value(f->name));
            row.editor->set(row.loaded);
            rows_.push_back(std::move(row));
        }
        box->Add(grid, 1, wxEXPAND | wxALL, FromDIP(6));
        page->Add(box, 0, wxEXPAND | wxALL, FromDIP(6));
    }
    for (auto& row : rows_) {
        Row* r = &row;
        row.editor->onChange = [this, r] {
            checkOne(*r);
            if (r->field->name == entity_.recordTypeField) applyRules();
        };
    }
    SetSizer(page);
    applyRules();
    SetScrollRate(0, FromDIP(12));
    FitInside();
}

void RecordForm::applyRules() {
    std::map<std::string, std::string> current;
    std::string type;
    for (const auto& row : rows_) current[row.field->name] = row.editor->get();
    if (record_)
        for (const auto& [name, value] : record_->values)
            if (!current.count(name)) current[name] = data::displayValue(value);
    if (!entity_.recordTypeField.empty()) {
        const auto* f = entity_.field(entity_.recordTypeField);
        std::string value = current[f->name];
        type = f->type == record::FieldType::picklist && !value.empty() ? store_.dictionaryCode(std::stoll(value)) : value;
    }
    for (auto& row : rows_) {
        bool shown = record::showsFor(row.placement, type);
        row.label->Show(shown);
        row.editor->window()->Show(shown);
        row.editor->setReadOnly(record::readOnlyFor(row.placement, *row.field, current));
    }
    Layout();
    FitInside();
}

void RecordForm::checkOne(Row& row) {
    if (row.field->type == record::FieldType::attachments) return;
    auto errors = store_.check(entity_.id, {{row.field->name, row.editor->get()}}, false);
    row.error->SetLabel(errors.empty() ? wxString() : text(i18n::tr(std::string_view(errors.front().message))));
    row.error->Show(!errors.empty());
    Layout();
    FitInside();
}

void RecordForm::fill(const record::Input& values) {
    for (const auto& [name, value] : values)
        for (auto& row : rows_)
            if (row.field->name == name) row.editor->set(value);
    applyRules();
}

record::Input RecordForm::input() const {
    record::Input in;
    for (const auto& row : rows_) {
        if (row.field->type == record::FieldType::attachments || !row.editor->window()->IsShown()) continue;
        if (record::readOnlyFor(row.placement, *row.field, {})) continue;
        std::string now = row.editor->get();
        if (record_ ? now != row.loaded : !now.empty()) in.emplace_back(row.field->name, now);
    }
    return in;
}

bool RecordForm::showErrors(const std::vector<record::FieldError>& errors) {
    bool placed = false;
    for (auto& row : rows_) {
        std::string message;
        for (const auto& e : errors)
            if (e.field == row.field->name) message = e.message;
        row.error->SetLabel(text(message.empty() ? message : i18n::tr(std::string_view(message))));
        row.error->Show(!message.empty());
        placed |= !message.empty();
    }
    Layout();
    FitInside();
    return placed;
}

}  // namespace tiller::ui
