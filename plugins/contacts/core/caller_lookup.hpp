// The contacts plugin's answer to "who is calling?" (tiller.CallerLookup/1, SPEC §7.2): one
// probe of the phone index (contacts_phone.lookup_key) and one query for the names, so the
// screen pop is up while the phone still rings at a million customers.
#pragma once

#include "core/phone_numbers.hpp"

#include <tiller/telephony/caller.hpp>

#include <memory>
#include <mutex>

namespace contacts {

class ContactsCallerLookup : public tiller::telephony::CallerLookup {
public:
    tiller::telephony::Caller lookup(tiller::plugin::Host& host, const std::string& number,
                                     const std::string& language) override;

private:
    std::mutex mutex_;
    std::unique_ptr<PhoneNumbers> numbers_;  // made on first use: the geocoder takes a moment to load
};

}  // namespace contacts
