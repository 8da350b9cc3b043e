// The greetings the hello plugin keeps: who was greeted, with what, and when.
#pragma once

#include <tiller/db/database.hpp>

#include <string>
#include <vector>

namespace hello {

struct Greeting {
    long long id = 0;
    std::string name;
    std::string greeting;
};

class GreetingBook {
public:
    explicit GreetingBook(tiller::db::Database& database) : database_(database) {}
    // Greets `name` with the configured salutation ("Hello" by default); refuses an empty name.
    Greeting greet(const std::string& name);
    long long count() const;
    std::vector<Greeting> find(const std::string& fragment, int limit) const;
    // Adds `count` greetings of sample people in one transaction.
    void addSamples(int count);

    std::string salutation() const;
    void setSalutation(const std::string& salutation);

private:
    tiller::db::Database& database_;
};

}  // namespace hello
