#include "phone_settings_page.hpp"
#include "dialer_ui_text.hpp"

#include "core/phone_settings.hpp"
#include "core/sip_provider.hpp"

#include <tiller/errors.hpp>
#include <tiller/secrets/keyring.hpp>

#include <wx/checkbox.h>
#include <wx/filepicker.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace dialer::ui {
namespace {

namespace tel = tiller::telephony;
using tiller::ui::utf8;

class PhoneSettingsPage : public tiller::ui::SettingsPanel {
public:
    PhoneSettingsPage(wxWindow* parent, tiller::plugin::Host& host, std::shared_ptr<PhoneService> service)
        : SettingsPanel(parent), host_(host), service_(std::move(service)), office_(loadOfficePhone(host.database())) {
        // Two boxes of settings are taller than the Settings dialog: they scroll.
        auto* scroll = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
        scroll->SetScrollRate(0, FromDIP(10));
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        try {
            pc_ = loadPcPhone();
        } catch (const std::exception& e) {
            // A broken dialer.yaml: say where, and save a good one over it only when asked.
            auto* problem = new wxStaticText(scroll, wxID_ANY, tr("This PC's phone file cannot be read, saving replaces it: {1}", {e.what()}));
            problem->SetForegroundColour(wxColour(192, 0, 0));
            problem->Wrap(FromDIP(560));
            sizer->Add(problem, 0, wxALL, FromDIP(8));
        }
        bool configure = host.allows("dialer.configure");

        auto* office = new wxStaticBoxSizer(wxVERTICAL, scroll, tr("The office's phone system"));
        auto* og = new wxFlexGridSizer(2, FromDIP(wxSize(10, 6)));
        auto* ob = office->GetStaticBox();
        server_ = field(og, ob, N_("PBX address"), office_.server, "server");
        transport_ = choice(og, ob, N_("Transport"), {"UDP", "TCP", "TLS"}, static_cast<int>(office_.transport));
        proxy_ = field(og, ob, N_("Outbound proxy"), office_.outboundProxy, "outbound_proxy");
        recording_ = choice(og, ob, N_("Record calls"), {dialer::tr("Never"), dialer::tr("When the agent asks"), dialer::tr("Always")},
                            static_cast<int>(office_.recording));
        og->Add(new wxStaticText(ob, wxID_ANY, tr("Ring for (seconds)")), 0, wxALIGN_CENTER_VERTICAL);
        ring_ = new wxSpinCtrl(ob, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(120, -1)), wxSP_ARROW_KEYS, 5, 300, office_.ringSeconds);
        og->Add(ring_);
        office->Add(og, 0, wxALL, FromDIP(8));
        if (!configure) {
            for (wxWindow* w : std::initializer_list<wxWindow*>{server_, transport_, proxy_, recording_, ring_}) w->Disable();
            office->Add(new wxStaticText(ob, wxID_ANY, tr("Only an administrator may change these.")), 0, wxLEFT | wxBOTTOM, FromDIP(8));
        }
        sizer->Add(office, 0, wxEXPAND | wxALL, FromDIP(8));

        auto* pc = new wxStaticBoxSizer(wxVERTICAL, scroll, tr("This PC"));
        auto* pb = pc->GetStaticBox();
        auto* pg = new wxFlexGridSizer(2, FromDIP(wxSize(10, 6)));
        tel::Account bound = pc_.accounts.empty() ? tel::Account{} : pc_.accounts.front();
        extension_ = field(pg, pb, N_("Extension bound to this PC"), bound.user, "extension");
        accountServer_ = field(pg, pb, N_("Its server (empty: the office's)"), bound.server == office_.server ? "" : bound.server, "account_server");
        displayName_ = field(pg, pb, N_("Name shown to the called"), bound.displayName, "display_name");
        password_ = new wxTextCtrl(pb, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(230, -1)), wxTE_PASSWORD);
        password_->SetHint(tr("unchanged"));
        pg->Add(new wxStaticText(pb, wxID_ANY, tr("Password")), 0, wxALIGN_CENTER_VERTICAL);
        pg->Add(password_);
        pg->Add(new wxStaticText(pb, wxID_ANY, tr("SIP port")), 0, wxALIGN_CENTER_VERTICAL);
        port_ = new wxSpinCtrl(pb, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(120, -1)), wxSP_ARROW_KEYS, 1, 65535, pc_.sipPort);
        pg->Add(port_);
        auto* sip = service_->phone() ? dynamic_cast<SipProvider*>(&service_->phone()->provider()) : nullptr;
        AudioDevices devices = sip ? sip->audioDevices() : AudioDevices{};
        playback_ = devicesChoice(pg, pb, N_("Speaker"), devices.playback, pc_.playbackDevice);
        capture_ = devicesChoice(pg, pb, N_("Microphone"), devices.capture, pc_.captureDevice);
        pg->Add(new wxStaticText(pb, wxID_ANY, tr("Ringing sound (WAV, empty: the usual)")), 0, wxALIGN_CENTER_VERTICAL);
        ringFile_ = new wxFilePickerCtrl(pb, wxID_ANY, text(pc_.ringFile), tr("Ringing sound"), "*.wav", wxDefaultPosition,
                                     FromDIP(wxSize(230, -1)), wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
        pg->Add(ringFile_);
        pc->Add(pg, 0, wxALL, FromDIP(8));
        if (pc_.accounts.size() > 1)
            pc->Add(new wxStaticText(pb, wxID_ANY, tr("{1} more accounts are set in {2}", {std::to_string(pc_.accounts.size() - 1),
                                                                                           pcPhoneFile().string()})),
                    0, wxLEFT | wxBOTTOM, FromDIP(8));
        files_ = new wxCheckBox(pb, wxID_ANY, tr("No sound card: play and record files"));
        files_->SetValue(pc_.soundFiles);
        pc->Add(files_, 0, wxLEFT | wxBOTTOM, FromDIP(8));
        pc->Add(new wxStaticText(pb, wxID_ANY, tr("Codecs (none ticked: all)")), 0, wxLEFT, FromDIP(8));
        codecs_ = new wxCheckListBox(pb, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, 90)));
        for (const auto& codec : sip ? sip->availableCodecs() : pc_.codecs) {
            int at = codecs_->Append(text(codec));
            codecs_->Check(at, std::find(pc_.codecs.begin(), pc_.codecs.end(), codec) != pc_.codecs.end());
        }
        pc->Add(codecs_, 0, wxALL, FromDIP(8));
        sizer->Add(pc, 0, wxEXPAND | wxALL, FromDIP(8));
        scroll->SetSizer(sizer);
        auto* outer = new wxBoxSizer(wxVERTICAL);
        outer->Add(scroll, 1, wxEXPAND);
        SetSizer(outer);
    }

    void save() override {
        if (host_.allows("dialer.configure")) {
            OfficePhone office;
            office.server = utf8(server_->GetValue());
            office.transport = static_cast<tel::Transport>(std::max(0, transport_->GetSelection()));
            office.outboundProxy = utf8(proxy_->GetValue());
            office.recording = static_cast<Recording>(std::max(0, recording_->GetSelection()));
            office.ringSeconds = ring_->GetValue();
            saveOfficePhone(host_, office);
            office_ = office;
        }
        PcPhone pc = pc_;
        std::string extension = utf8(extension_->GetValue());
        if (extension.empty()) {
            if (!pc.accounts.empty()) pc.accounts.erase(pc.accounts.begin());
        } else {
            tel::Account bound = pc.accounts.empty() ? tel::Account{} : pc.accounts.front();
            bound.user = extension;
            bound.server = utf8(accountServer_->GetValue()).empty() ? office_.server : utf8(accountServer_->GetValue());
            if (bound.server.empty())
                throw tiller::ValidationError("server", dialer::tr("give the PBX address (or the extension's server) first"));
            bound.displayName = utf8(displayName_->GetValue());
            bound.transport = office_.transport;
            bound.outboundProxy = office_.outboundProxy;
            bound.id = extension + "@" + bound.server;
            if (pc.accounts.empty()) pc.accounts.push_back(bound); else pc.accounts.front() = bound;
            if (!password_->GetValue().empty())
                tiller::secrets::storeSecret("sip", keyringKey(bound), utf8(password_->GetValue()));
        }
        pc.sipPort = port_->GetValue();
        pc.soundFiles = files_->GetValue();
        pc.ringFile = utf8(ringFile_->GetPath());
        pc.playbackDevice = deviceId(playback_, playbackIds_);
        pc.captureDevice = deviceId(capture_, captureIds_);
        pc.codecs.clear();
        for (unsigned i = 0; i < codecs_->GetCount(); ++i)
            if (codecs_->IsChecked(i)) pc.codecs.push_back(utf8(codecs_->GetString(i)));
        savePcPhone(pc);
        if (service_->restart && !service_->restart())
            wxMessageBox(tr("A call is in progress: the phone uses the new settings from the next start."), tr("Phone"), wxOK, this);
    }

private:
    wxTextCtrl* field(wxFlexGridSizer* grid, wxWindow* box, const char* caption, const std::string& value, const char* name) {
        grid->Add(new wxStaticText(box, wxID_ANY, tr(caption)), 0, wxALIGN_CENTER_VERTICAL);
        auto* t = new wxTextCtrl(box, wxID_ANY, text(value), wxDefaultPosition, FromDIP(wxSize(230, -1)));
        t->SetName(name);
        grid->Add(t);
        return t;
    }
    wxChoice* choice(wxFlexGridSizer* grid, wxWindow* box, const char* caption, const std::vector<std::string>& items, int selected) {
        grid->Add(new wxStaticText(box, wxID_ANY, tr(caption)), 0, wxALIGN_CENTER_VERTICAL);
        auto* c = new wxChoice(box, wxID_ANY);
        for (const auto& i : items) c->Append(text(i));
        c->SetSelection(selected);
        grid->Add(c);
        return c;
    }
    wxChoice* devicesChoice(wxFlexGridSizer* grid, wxWindow* box, const char* caption,
                            const std::vector<std::pair<std::string, std::string>>& devices, const std::string& chosen) {
        std::vector<std::string> names{dialer::tr("The system's default")};
        auto& ids = caption == std::string("Speaker") ? playbackIds_ : captureIds_;
        ids = {""};
        int selected = 0;
        for (const auto& [id, name] : devices) {
            if (id == chosen) selected = static_cast<int>(ids.size());
            ids.push_back(id);
            names.push_back(name);
        }
        return choice(grid, box, caption, names, selected);
    }
    static std::string deviceId(wxChoice* c, const std::vector<std::string>& ids) {
        int at = c->GetSelection();
        return at > 0 && static_cast<std::size_t>(at) < ids.size() ? ids[static_cast<std::size_t>(at)] : "";
    }

    tiller::plugin::Host& host_;
    std::shared_ptr<PhoneService> service_;
    OfficePhone office_;
    PcPhone pc_;
    wxTextCtrl *server_, *proxy_, *extension_, *accountServer_, *displayName_, *password_;
    wxChoice *transport_, *recording_, *playback_, *capture_;
    wxSpinCtrl *ring_, *port_;
    wxCheckBox* files_;
    wxFilePickerCtrl* ringFile_;
    wxCheckListBox* codecs_;
    std::vector<std::string> playbackIds_, captureIds_;
};

}  // namespace

tiller::ui::SettingsPanel* makePhoneSettingsPage(wxWindow* parent, tiller::plugin::Host& host, std::shared_ptr<PhoneService> service) {
    return new PhoneSettingsPage(parent, host, std::move(service));
}

}  // namespace dialer::ui
