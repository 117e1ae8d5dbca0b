import Testing
@testable import ClientModel

@Suite struct NameSanitizerTests {
    @Test(arguments: [
        ("client_id", "clientID"), ("aadhaar_no", "aadhaarNo"), ("X-Request-Id", "xRequestID"), ("get_url", "getURL"),
        ("send_aadhaar_otp", "sendAadhaarOTP"), ("aadhaarOkycV1", "aadhaarOkycV1"), ("api_id", "apiID"),
        ("ApiSecret", "apiSecret"), ("otp_reference", "otpReference"), ("reference_id", "referenceID"),
        ("http_status", "httpStatus"), ("user_uuid", "userUUID"), ("html_url", "htmlURL"), ("id", "id"),
        ("url", "url"), ("otp_code", "otpCode"), ("URL", "url"), ("HTTPServer", "httpServer"),
        ("XMLHttpRequest", "xmlHTTPRequest"), ("user-ids", "userIDs"), ("user_id2", "userID2"),
        ("oauth2_token", "oauth2Token"), ("getURLs", "getURLs"),
        ("USER_NAME", "userName"), ("osmosis", "osmosis"), ("client_os", "clientOS"), ("cost", "cost"),
        ("ip_address", "ipAddress"), ("client ip", "clientIP"), ("first.name", "firstName"), ("café", "cafe"),
        ("naïve résumé", "naiveResume"), ("2fa", "_2fa"), ("123", "_123"), ("", "unnamed"), ("---", "unnamed"),
        ("名前", "mingQian"), ("eTag", "eTag"), ("iPhone", "iPhone"), ("v1beta", "v1beta"),
        ("$special#chars!", "specialChars"), ("snake_case_Mixed-kebab", "snakeCaseMixedKebab"),
    ])
    func lowerCamel(input: String, expected: String) {
        #expect(NameSanitizer.lowerCamel(input) == expected)
    }

    /// Initialisms added for streams, data formats and India-first payment/identity APIs; English words that
    /// happen to be abbreviations elsewhere (`pan`, `dob`, `tan`) stay words.
    @Test(arguments: [
        ("stream_sse", "streamSSE"), ("sse", "sse"), ("export_csv", "exportCSV"), ("raw_sql", "rawSQL"),
        ("cache_ttl", "cacheTTL"), ("created_at_utc", "createdAtUTC"), ("sso_enabled", "ssoEnabled"),
        ("user_mfa", "userMFA"), ("gps_fix", "gpsFix"), ("scan_ocr", "scanOCR"), ("scan_qr", "scanQR"),
        ("beneficiary_iban", "beneficiaryIBAN"), ("gst_number", "gstNumber"), ("business_gst", "businessGST"),
        ("upi_id", "upiID"), ("payee_upi", "payeeUPI"), ("bank_ifsc", "bankIFSC"), ("client_sdks", "clientSDKs"),
        ("aws_region", "awsRegion"), ("tcp_port", "tcpPort"), ("via_udp", "viaUDP"),
        ("pan_number", "panNumber"), ("holder_pan", "holderPan"), ("user_dob", "userDob"), ("cost", "cost"),
        ("sql_injection", "sqlInjection"), ("aadhaar_okyc", "aadhaarOkyc"),
    ])
    func addedInitialisms(input: String, expected: String) {
        #expect(NameSanitizer.lowerCamel(input) == expected)
    }

    /// Non-ASCII names are transliterated (ICU `Any-Latin; Latin-ASCII`) so they stay descriptive; what has no
    /// Latin form (emoji, symbols) becomes `u` + its code point; emoji modifiers (skin tones) are dropped. Never
    /// `unnamed` while there is something to read.
    @Test(arguments: [
        ("名前", "mingQian", "MingQian"), ("🔥", "u1F525", "U1F525"), ("🔥fire", "u1F525Fire", "U1F525Fire"),
        ("Привет мир", "privetMir", "PrivetMir"), ("straße", "strasse", "Strasse"), ("Ærø", "aEro", "AEro"),
        ("なまえ", "namae", "Namae"), ("χρήμα", "chrema", "Chrema"), ("user_名前", "userMingQian", "UserMingQian"),
        ("ｆｕｌｌ", "full", "Full"), ("a—b", "aB", "AB"), ("👍🏽", "u1F44D", "U1F44D"),
        ("日本語_id", "riBenYuID", "RiBenYuID"),
    ])
    func nonASCIINames(input: String, lower: String, upper: String) {
        #expect(NameSanitizer.lowerCamel(input) == lower)
        #expect(NameSanitizer.upperCamel(input) == upper)
        #expect(NameSanitizer.lowerCamel(input) == NameSanitizer.lowerCamel(input), "deterministic")
    }

    @Test(arguments: [
        ("send_aadhaar_otp", "SendAadhaarOTP"), ("pet", "Pet"), ("aadhaarOkycV1", "AadhaarOkycV1"),
        ("json_value", "JSONValue"), ("user-uuid", "UserUUID"), ("2fa", "_2fa"), ("", "Unnamed"),
        ("OKYC_V1", "OkycV1"), ("api key auth", "APIKeyAuth"), ("SSEFixture", "SSEFixture"),
        ("sse_events", "SSEEvents"), ("user sdk", "UserSDK"),
    ])
    func upperCamel(input: String, expected: String) {
        #expect(NameSanitizer.upperCamel(input) == expected)
    }

    @Test(arguments: [
        ("class", "`class`"), ("default", "`default`"), ("protocol", "`protocol`"), ("func", "`func`"),
        ("in", "`in`"), ("is", "`is`"), ("repeat", "`repeat`"), ("self", "selfValue"), ("Self", "selfValue"),
        ("Type", "type"), ("init", "initValue"), ("description", "descriptionValue"),
        ("debugDescription", "debugDescriptionValue"), ("hash_value", "hashValueValue"),
        ("customMirror", "customMirrorValue"), ("encode", "encodeValue"), ("name", "name"), ("return", "`return`"),
        ("true", "`true`"), ("nil", "`nil`"), ("any", "`any`"),
    ])
    func memberNames(input: String, expected: String) {
        #expect(NameSanitizer.memberName(input) == expected)
    }

    @Test(arguments: [
        ("Error", "ErrorModel"), ("error", "ErrorModel"), ("String", "StringModel"), ("Response", "ResponseModel"),
        ("JSONValue", "JSONValueModel"), ("json_value", "JSONValueModel"), ("Data", "DataModel"),
        ("URL", "URLModel"), ("Type", "TypeModel"), ("Self", "SelfModel"), ("APIError", "APIErrorModel"),
        ("Credentials", "CredentialsModel"), ("Servers", "ServersModel"), ("Pet", "Pet"), ("Result", "ResultModel"),
        ("Task", "TaskModel"), ("Foundation", "FoundationModel"), ("class", "Class"),
    ])
    func typeNames(input: String, expected: String) {
        #expect(NameSanitizer.typeName(input) == expected)
    }

    @Test func nestedTypesOnlyAvoidNamesModelCodeSpells() {
        #expect(NameSanitizer.typeName("result", nested: true) == "Result")
        #expect(NameSanitizer.typeName("response", nested: true) == "Response")
        #expect(NameSanitizer.typeName("error", nested: true) == "ErrorModel")
        #expect(NameSanitizer.typeName("string", nested: true) == "StringModel")
        #expect(NameSanitizer.typeName("coding_keys", nested: true) == "CodingKeysModel")
    }

    @Test func moduleAndClientNamesAreReserved() {
        #expect(NameSanitizer.typeName("petstore", extraReserved: ["Petstore"]) == "PetstoreModel")
    }

    @Test func methodNamesNeverNeedBackticks() {
        #expect(NameSanitizer.methodBase("import") == "importOperation")
        #expect(NameSanitizer.methodBase("init") == "initOperation")
        #expect(NameSanitizer.methodBase("list_pets") == "listPets")
        #expect(NameSanitizer.methodBase("") == "operation")
    }

    @Test func scopeNumbersLaterNamesInOrder() {
        var scope = NameScope()
        #expect(scope.claim("clientID") == "clientID")
        #expect(scope.claim("clientID") == "clientID2")
        #expect(scope.claim("clientID") == "clientID3")
        #expect(scope.claim("v1") == "v1")
        #expect(scope.claim("v1") == "v1_2")
    }

    @Test func escapingRoundTrips() {
        #expect(NameSanitizer.unescaped(NameSanitizer.escaped("default")) == "default")
        #expect(NameSanitizer.unescaped("name") == "name")
    }
}
