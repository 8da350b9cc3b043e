#include "art.hpp"

#include <map>

namespace tiller::gui::art {

wxBitmap icon(const std::string& name, const wxArtClient& client) {
    static const std::map<std::string, wxArtID> ids = {
        {"new", wxART_NEW},           {"open", wxART_FILE_OPEN},   {"save", wxART_FILE_SAVE},
        {"delete", wxART_DELETE},     {"find", wxART_FIND},        {"refresh", wxART_REDO},
        {"print", wxART_PRINT},       {"help", wxART_HELP},        {"info", wxART_INFORMATION},
        {"home", wxART_GO_HOME},      {"go-back", wxART_GO_BACK},  {"go-forward", wxART_GO_FORWARD},
        {"add", wxART_PLUS},          {"remove", wxART_MINUS},     {"copy", wxART_COPY},
        {"cut", wxART_CUT},           {"paste", wxART_PASTE},      {"undo", wxART_UNDO},
        {"redo", wxART_REDO},         {"quit", wxART_QUIT},        {"settings", wxART_EXECUTABLE_FILE},
        {"list", wxART_LIST_VIEW},    {"report", wxART_REPORT_VIEW}};
    auto it = ids.find(name);
    return wxArtProvider::GetBitmap(it == ids.end() ? wxART_MISSING_IMAGE : it->second, client);
}

}  // namespace tiller::gui::art
