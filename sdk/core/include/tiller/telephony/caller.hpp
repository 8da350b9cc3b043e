// Who is calling (SPEC §7.2, screen pop / 来电弹屏): the contacts plugin answers through the
// CallerLookup service from its phone index; the dialer shows the answer before the agent picks
// up. Other plugins add lines to the pop (recent tickets, orders) with a ScreenPopSection.
#pragma once

#include <string>

namespace tiller::plugin {
class Host;
}

namespace tiller::telephony {

struct Caller {
    std::string typed;        // the number as the network gave it
    std::string number;       // for display, in the local format ("138 0013 8000")
    std::string e164;         // "+8613800138000"; "" when not a valid number
    bool valid = false;
    bool anonymous = false;   // no number given (withheld) or none at all
    bool mobile = false;      // a mobile number (a new customer gets it as its mobile)
    std::string region;       // 来电归属地 from the offline geocoder: 北京市 / Beijing
    std::string carrier;      // "" when not known (Debian's libphonenumber has no carrier data)
    // Known: the record the number belongs to.
    bool known = false;
    std::string entity;       // "contacts.customer"
    long long recordId = 0;
    std::string name;         // the customer's name
    std::string contactName;  // the contact whose number it is, "" when the customer's own
    std::string ownerName;    // the account manager, "" when in the public pool
    int otherMatches = 0;     // other records with the same number (shown as "and 2 more")
};

// Provided by the contacts plugin ("tiller.CallerLookup/1"). `language` is the UI language
// ("zh_CN", "en") for the region's name. Never throws for a bad number: it says so in Caller.
// The screen pop names the caller to whoever answers, whatever their data scope; opening the
// record still checks it.
class CallerLookup {
public:
    static constexpr const char* kServiceId = "tiller.CallerLookup/1";
    virtual ~CallerLookup() = default;
    virtual Caller lookup(plugin::Host& host, const std::string& number, const std::string& language) = 0;
};

}  // namespace tiller::telephony
