// Stock icon names used in contributions ("add", "save", ...) mapped to the platform's icons.
#pragma once

#include <wx/artprov.h>

#include <string>

namespace tiller::gui::art {
wxBitmap icon(const std::string& name, const wxArtClient& client);
}
