#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/list_actions_bar.hpp>
#include <tiller/ui/list_dialing.hpp>
#include <tiller/ui/list_printout.hpp>
#include <tiller/ui/progress_dialog.hpp>
#include <tiller/ui/record_dialog.hpp>
#include <tiller/ui/record_list_view.hpp>
#include <tiller/ui/record_navigator.hpp>
#include <tiller/ui/tr.hpp>

#include <tiller/log/log.hpp>
#include <tiller/plugin/list_actions.hpp>
#include <tiller/record/export.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/printdlg.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

namespace tiller::ui {

RecordTable::RecordTable(wxWindow* parent, std::shared_ptr<record::RecordPager> pager)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_HRULES | wxLC_VRULES),
      pager_(std::move(pager)) {
    highlights_ = pager_->store().host().registry().listHighlights(pager_->list().id);
    highlightAttr_.SetTextColour(highlightColour());
    for (const auto& column : pager_->columns())
        AppendColumn(ui::tr(column.label), wxLIST_FORMAT_LEFT, FromDIP(column.width));
    reload();
}

void RecordTable::reload() {
    pages_.clear();
    highlighted_.clear();
    pager_->refresh();
    SetItemCount(static_cast<long>(pager_->count()));
    Refresh();
}

const std::pair<long long, std::vector<std::string>>* RecordTable::rowAt(long item) const {
    std::size_t page = static_cast<std::size_t>(item) / kPageSize;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        if (pages_.size() > 50) {  // memory stays flat however far one scrolls
            pages_.clear();
            highlighted_.clear();
        }
        try {
            record::Page p = pager_->page(page * kPageSize, kPageSize);
            std::vector<std::pair<long long, std::vector<std::string>>> rows;
            for (std::size_t i = 0; i < p.ids.size(); ++i) {
                std::vector<std::string> texts;
                for (std::size_t c = 0; c < p.rows[i].size(); ++c)
                    texts.push_back(pager_->store().text(*pager_->fields()[c], p.rows[i][c]));
                rows.emplace_back(p.ids[i], std::move(texts));
            }
            highlight(p.ids);
            it = pages_.emplace(page, std::move(rows)).first;
        } catch (const std::exception& e) {
            log::error(std::string("cannot read list rows: ") + e.what());
            return nullptr;
        }
    }
    std::size_t offset = static_cast<std::size_t>(item) % kPageSize;
    return offset < it->second.size() ? &it->second[offset] : nullptr;
}

wxString RecordTable::OnGetItemText(long item, long column) const {
    const auto* row = rowAt(item);
    if (!row || column < 0 || static_cast<std::size_t>(column) >= row->second.size()) return {};
    return text(row->second[static_cast<std::size_t>(column)]);
}

void RecordTable::highlight(const std::vector<long long>& ids) const {
    for (const auto& h : highlights_) {
        try {
            for (long long id : h.rows(pager_->store().host(), ids)) highlighted_.insert(id);
        } catch (const std::exception& e) {
            // The rows still show, uncoloured; the plugin's fault is logged.
            log::warning("list highlight " + h.id + " (plugin " + h.owner + ") failed: " + e.what());
        }
    }
}

wxColour RecordTable::highlightColour() { return wxColour(200, 0, 0); }

bool RecordTable::isHighlighted(long row) const {
    const auto* r = rowAt(row);
    return r && highlighted_.count(r->first) > 0;
}

wxItemAttr* RecordTable::OnGetItemAttr(long item) const {
    return isHighlighted(item) ? &highlightAttr_ : nullptr;
}

long long RecordTable::idAt(long row) const {
    const auto* r = rowAt(row);
    return r ? r->first : 0;
}

std::vector<long long> RecordTable::selectedIds() const {
    std::vector<long long> ids;
    for (long item = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); item != -1;
         item = GetNextItem(item, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        if (long long id = idAt(item)) ids.push_back(id);
    return ids;
}

RecordListView::RecordListView(wxWindow* parent, std::shared_ptr<record::Store> store, const record::ListDefinition& list)
    : wxPanel(parent), store_(std::move(store)) {
    pager_ = std::make_shared<record::RecordPager>(store_, list);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    search_ = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(200, -1)), wxTE_PROCESS_ENTER);
    search_->SetDescriptiveText(ui::tr("Search"));
    auto* filters = new wxButton(this, wxID_ANY, ui::tr("Filter..."));
    saved_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(140, -1)));
    auto* saveQueryButton = new wxButton(this, wxID_ANY, ui::tr("Save query..."));
    auto* add = new wxButton(this, wxID_ANY, ui::tr("New"));
    auto* remove = new wxButton(this, wxID_ANY, ui::tr("Delete"));
    auto* exportButton = new wxButton(this, wxID_ANY, ui::tr("Export..."));
    auto* print = new wxButton(this, wxID_ANY, ui::tr("Print..."));
    for (wxWindow* w : std::initializer_list<wxWindow*>{search_, filters, saved_, saveQueryButton})
        bar->Add(w, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, FromDIP(4));
    bar->AddStretchSpacer();
    for (wxWindow* w : std::initializer_list<wxWindow*>{add, remove, exportButton, print})
        bar->Add(w, 0, wxLEFT | wxALIGN_CENTER_VERTICAL, FromDIP(4));
    sizer->Add(bar, 0, wxEXPAND | wxALL, FromDIP(4));
    table_ = new RecordTable(this, pager_);
    sizer->Add(table_, 1, wxEXPAND);
    status_ = new wxStaticText(this, wxID_ANY, "");
    sizer->Add(status_, 0, wxALL, FromDIP(4));
    // The plugins' batch actions on the selection (assign, move to the pool ...), under the search bar.
    if (auto actions = store_->host().registry().listActions(list.id); !actions.empty()) {
        auto* actionsBar = new ListActionsBar(
            this, store_->host(), store_->clock(), std::move(actions), *table_, [this] { return table_->selectedIds(); },
            [this](const wxString& summary) {
                refresh();
                status_->SetLabel(summary);
            });
        sizer->Insert(1, actionsBar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    }
    // What a red row means, under the list (a plugin's ListHighlight).
    for (const auto& h : store_->host().registry().listHighlights(list.id)) {
        auto* legend = new wxStaticText(this, wxID_ANY, text("\u25A0 ") + ui::tr(h.label));
        legend->SetForegroundColour(RecordTable::highlightColour());
        sizer->Add(legend, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    }
    SetSizer(sizer);

    bool editable = store_->entity(list.entity).editPermission.empty() ||
                    store_->host().allows(store_->entity(list.entity).editPermission);
    const std::string& deletePermission = store_->entity(list.entity).deletePermission;
    add->Enable(editable);
    remove->Enable(editable && (deletePermission.empty() || store_->host().allows(deletePermission)));
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        record::Query q = pager_->query();
        q.search = utf8(search_->GetValue());
        applyQuery(q);
    });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        search_->Clear();
        record::Query q = pager_->query();
        q.search.clear();
        applyQuery(q);
    });
    filters->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editFilters(); });
    saveQueryButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveQuery(); });
    saved_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        int i = saved_->GetSelection();
        record::Query q = i <= 0 ? record::Query{} : savedQueries_[static_cast<std::size_t>(i) - 1].second;
        search_->ChangeValue(text(q.search));
        applyQuery(q);
    });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openRecord(0); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { deleteSelected(); });
    exportButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { exportList(); });
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { printPreview(); });
    table_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { openRecord(table_->idAt(e.GetIndex())); });
    table_->Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& e) { sortBy(e.GetColumn()); });
    offerCallsFromRows(*table_, *store_, list);
    loadSavedQueries();
    refresh();
}

void RecordListView::refresh() {
    table_->reload();
    status_->SetLabel(wxString::Format(ui::tr("%s records"), text(std::to_string(pager_->count()))));
}

void RecordListView::applyQuery(record::Query query) {
    try {
        pager_->setQuery(std::move(query));
    } catch (const std::exception& e) {
        showError(this, ui::tr("The list cannot show this"), e);
        return;
    }
    refresh();
}

void RecordListView::sortBy(int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= pager_->fields().size()) return;
    const std::string& field = pager_->fields()[static_cast<std::size_t>(column)]->name;
    if (!record::sortable(pager_->entity(), field)) {
        status_->SetLabel(ui::tr("This column cannot be sorted: it has no index."));
        return;
    }
    record::Query q = pager_->query();
    q.descending = pager_->sortField() == field ? !pager_->descending() : false;
    q.sortField = field;
    applyQuery(q);
}

// One condition per filterable field: an operator and a value (two for "between").
void RecordListView::editFilters() {
    const auto& list = pager_->list();
    wxDialog dialog(this, wxID_ANY, ui::tr("Filter"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* grid = new wxFlexGridSizer(4, FromDIP(wxSize(6, 4)));
    grid->AddGrowableCol(2, 1);
    const std::vector<std::pair<record::Op, const char*>> ops = {
        {record::Op::contains, N_("contains")}, {record::Op::equals, N_("is")},         {record::Op::notEquals, N_("is not")},
        {record::Op::atLeast, N_("at least")},  {record::Op::atMost, N_("at most")},    {record::Op::between, N_("between")},
        {record::Op::empty, N_("is empty")},    {record::Op::notEmpty, N_("is not empty")}};
    struct RowControls {
        std::string field;
        wxChoice* op;
        wxTextCtrl *value, *value2;
    };
    std::vector<RowControls> rows;
    for (const auto& name : list.filters) {
        const record::Field* f = record::listField(pager_->entity(), name);
        auto* op = new wxChoice(&dialog, wxID_ANY);
        op->Append("");
        for (const auto& [o, label] : ops) op->Append(ui::tr(label));
        auto* value = new wxTextCtrl(&dialog, wxID_ANY);
        auto* value2 = new wxTextCtrl(&dialog, wxID_ANY);
        for (const auto& c : pager_->query().conditions)
            if (c.field == name) {
                for (std::size_t i = 0; i < ops.size(); ++i)
                    if (ops[i].first == c.op) op->SetSelection(static_cast<int>(i) + 1);
                value->SetValue(text(c.value));
                value2->SetValue(text(c.value2));
            }
        grid->Add(new wxStaticText(&dialog, wxID_ANY, ui::tr(f->label)), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(op, 0);
        grid->Add(value, 1, wxEXPAND);
        grid->Add(value2, 1, wxEXPAND);
        rows.push_back({name, op, value, value2});
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(dialog.CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    dialog.SetSizerAndFit(sizer);
    if (dialog.ShowModal() != wxID_OK) return;
    record::Query q = pager_->query();
    q.conditions.clear();
    for (const auto& r : rows) {
        int i = r.op->GetSelection();
        if (i <= 0) continue;
        q.conditions.push_back({r.field, ops[static_cast<std::size_t>(i) - 1].first, utf8(r.value->GetValue()), utf8(r.value2->GetValue())});
    }
    applyQuery(q);
}

void RecordListView::loadSavedQueries() {
    saved_->Clear();
    saved_->Append(ui::tr("All records"));
    saved_->SetSelection(0);
    try {
        savedQueries_ = record::SavedQueries(store_->host(), store_->clock()).list(pager_->list().id);
    } catch (const std::exception&) {
        savedQueries_.clear();  // nobody signed in: nothing saved to show
    }
    for (const auto& [name, q] : savedQueries_) saved_->Append(text(name));
}

void RecordListView::saveQuery() {
    wxTextEntryDialog ask(this, ui::tr("Name of this query:"), ui::tr("Save query"));
    if (ask.ShowModal() != wxID_OK) return;
    try {
        record::SavedQueries(store_->host(), store_->clock()).save(pager_->list().id, utf8(ask.GetValue()), pager_->query());
    } catch (const std::exception& e) {
        showError(this, ui::tr("The query was not saved"), e);
        return;
    }
    loadSavedQueries();
    saved_->SetStringSelection(ask.GetValue());
}

void RecordListView::openRecord(long long id) {
    try {
        // Through the shell, so a plugin's own screen (the customer 360° view) opens when the
        // entity has one; the generic dialog otherwise.
        const auto& list = pager_->list();
        if (auto* navigator = recordNavigator()) {
            bool changed = id ? navigator->openRecord(this, list.entity, id, list.form) : navigator->createRecord(this, list.entity, list.form) != 0;
            if (changed) refresh();
            return;
        }
        RecordDialog dialog(this, *store_, list.entity, id, list.form);
        if (dialog.ShowModal() == wxID_OK) refresh();
    } catch (const std::exception& e) {
        showError(this, ui::tr("The record cannot be opened"), e);
    }
}

void RecordListView::deleteSelected() {
    auto ids = table_->selectedIds();
    if (ids.empty()) return;
    wxString question = wxString::Format(ui::tr("Delete %s records? This cannot be undone."), text(std::to_string(ids.size())));
    if (wxMessageBox(question, ui::tr("Delete"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES) return;
    // Each record goes or stays on its own (a customer with tickets stays, SPEC §2.11); one
    // line then says what happened, naming each record that stayed and why.
    const std::string& entity = pager_->list().entity;
    auto result = plugin::eachRecord(
        ids, [&](long long id) { return store_->recordTitle(entity, id); }, [&](long long id) { store_->remove(entity, id); });
    plugin::ListAction deletion;
    deletion.done = i18n::Text(N_("%s deleted"), "tiller");
    wxString summary = text(plugin::describeResult(deletion, result));
    refresh();
    status_->SetLabel(summary);
    if (!result.refused.empty()) wxMessageBox(summary, ui::tr("Delete"), wxOK | wxICON_WARNING, this);
}

void RecordListView::exportList() {
    wxFileDialog save(this, ui::tr("Export the list"), "", ui::tr(pager_->list().label) + ".xlsx",
                      ui::tr("Excel workbook") + " (*.xlsx)|*.xlsx|CSV (*.csv)|*.csv", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() != wxID_OK) return;
    exportTo(save.GetPath());
}

void RecordListView::exportTo(const wxString& path) {
    auto file = std::filesystem::path(utf8(path));
    auto format = record::exportFormatFor(file).value_or(record::ExportFormat::xlsx);
    try {
        ProgressDialog progress(this, ui::tr("Export"), ui::tr("Writing the list..."));
        long long rows = record::exportList(*pager_, file, format, progress);
        status_->SetLabel(wxString::Format(ui::tr("%s records exported"), text(std::to_string(rows))));
    } catch (const jobs::JobCancelled&) {
        status_->SetLabel(ui::tr("Export cancelled; no file was written."));
    } catch (const std::exception& e) {
        showError(this, ui::tr("The list was not exported"), e);
    }
}

void RecordListView::printPreview() {
    wxString title = ui::tr(pager_->list().label);
    auto* preview = new wxPrintPreview(new ListPrintout(*pager_, title), new ListPrintout(*pager_, title));
    if (!preview->IsOk()) {
        delete preview;
        wxMessageBox(ui::tr("There is no printer to preview for."), ui::tr("Print"), wxOK | wxICON_WARNING, this);
        return;
    }
    auto* frame = new wxPreviewFrame(preview, wxGetTopLevelParent(this), ui::tr("Print preview") + " - " + title,
                                     wxDefaultPosition, FromDIP(wxSize(800, 700)));
    frame->SetName("print_preview");
    frame->Initialize();
    frame->Show();
}

}  // namespace tiller::ui
