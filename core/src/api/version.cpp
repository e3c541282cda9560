#include "json/envelope.h"
#include "revdiag/api.h"

namespace revdiag::api {

std::string version() {
    ojson body;
    body["version"] = REVDIAG_VERSION;
    return ok_envelope("revdiag.version/1", body);
}

}  // namespace revdiag::api
