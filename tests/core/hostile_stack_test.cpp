// Deep inputs on a small stack: every parser that recurses bounds its depth,
// so the deepest inputs answer (a value or a depth error) on a thread with a
// fixed small stack. The wasm module runs the same inputs on its 64 KiB stack
// (tests/wasm/hostile.test.mjs); x86-64 frames are larger (a rule nesting level
// costs ~2.2 KB here against 64 levels allowed), so the native thread gets
// 256 KiB, and sanitizer builds, whose frames grow several times, 4 MiB.
#include <pthread.h>

#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "revdiag/api.h"
#include "revdiag/process.h"
#include "revdiag/rules.h"

using namespace revdiag;

namespace {
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t stack_bytes = 4 << 20;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr size_t stack_bytes = 4 << 20;
#else
constexpr size_t stack_bytes = 256 << 10;
#endif
#else
constexpr size_t stack_bytes = 256 << 10;
#endif

// Runs `work` on a thread with a small stack; a recursion without a bound crashes the test binary.
void on_small_stack(const std::function<void()>& work) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    REQUIRE(pthread_attr_setstacksize(&attr, stack_bytes) == 0);
    pthread_t thread;
    auto run = [](void* arg) -> void* {
        (*static_cast<const std::function<void()>*>(arg))();
        return nullptr;
    };
    REQUIRE(pthread_create(&thread, &attr, run, const_cast<std::function<void()>*>(&work)) == 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
}
}  // namespace

TEST_CASE("deep rules, process files, answers and quotes answer on a small fixed stack", "[hostile][depth]") {
    std::string rule_code, deepest_rule, process_code, answers_envelope, csv_envelope;
    bool nested_ok = false;
    on_small_stack([&] {
        const std::string nested = std::string(64, '(') + "problem_confirmed" + std::string(64, ')');
        nested_ok = compile_rule(nested).has_value();
        const auto deep = compile_rule(std::string(100000, '(') + "x" + std::string(100000, ')'));
        rule_code = deep ? "" : deep.err().code;
        std::string nots;
        for (int i = 0; i < 20000; ++i) nots += "not ";
        const auto deepest = compile_rule(nots + "problem_confirmed");
        deepest_rule = deepest ? "" : deepest.err().code;
        const auto p = load_process(std::string(100000, '[') + std::string(100000, ']'));
        process_code = p ? "" : p.err().code;
        answers_envelope = api::diagnose(std::string(100000, '{'), "");
        csv_envelope = api::inspect(std::string(100000, '"'), "");
    });
    CHECK(nested_ok);
    CHECK(rule_code == "rule.too_deep");
    CHECK(deepest_rule == "rule.too_deep");
    CHECK(process_code == "process.too_deep");
    CHECK(answers_envelope.find("\"ok\":false") != std::string::npos);
    CHECK(csv_envelope.rfind("{", 0) == 0);
}
