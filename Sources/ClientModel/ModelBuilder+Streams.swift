import SpecParser

// MARK: - Streamed responses: server-sent events and OpenAPI 3.2 `itemSchema`.

extension Builder {
    /// The streaming framing of a media type, or nil when it is not one the runtime streams.
    static func streamFormat(_ essence: String) -> StreamFormat? {
        switch essence {
        case "text/event-stream": .serverSentEvents
        case "application/jsonl", "application/x-ndjson": .jsonLines
        case "application/json-seq": .jsonSequence
        default: nil
        }
    }

    /// The stream type of a response content entry, or nil when it is read whole: `text/event-stream` always
    /// streams; JSON Lines, NDJSON and JSON text sequences stream when they give an `itemSchema`. An `itemSchema` on
    /// any other media type is named in a warning.
    func streamedBody(_ media: MediaType, inlineName: String) -> TypeRef? {
        let essence = Self.essence(media.mediaType)
        guard let format = Self.streamFormat(essence) else {
            if media.itemSchema != nil {
                warn("itemSchema (streamed items) of '\(media.mediaType)' is not generated (streams are "
                     + "text/event-stream, application/jsonl, application/x-ndjson and application/json-seq); the "
                     + "response is read whole", media.origin)
            }
            return nil
        }
        if format == .serverSentEvents {
            return .stream(.serverSentEvents, eventDataType(media, inlineName: inlineName))
        }
        guard let item = media.itemSchema else { return nil }
        return .stream(format, translate(item, site: InlineSite(parent: nil, baseName: "\(inlineName) Item")).type)
    }

    /// The type each event's `data` decodes as. The event schema is the `itemSchema` (3.2), or a `schema` that
    /// describes events (an object with a `data` property); its `data` property gives the type: `contentSchema`
    /// (JSON content), a non-string schema (JSON), or a string (the text as is). Any other non-string `schema` is the
    /// data's own schema (3.0/3.1 style). Without a schema, data is `String`.
    private func eventDataType(_ media: MediaType, inlineName: String) -> TypeRef {
        let site = InlineSite(parent: nil, baseName: "\(inlineName) Event Data")
        guard let event = media.itemSchema ?? media.schema else { return .builtin(.string) }
        let resolved = target(of: event)
        let alternatives = (resolved.oneOf ?? resolved.anyOf ?? []).map { target(of: $0) }
        let dataSchemas = ([resolved] + alternatives).compactMap { schema in
            schema.properties.first { $0.name == "data" }?.schema
        }
        if dataSchemas.isEmpty {
            if media.itemSchema == nil, !isText(resolved) {
                return translate(event, site: site).type
            }
            if media.itemSchema != nil, !isText(resolved) {
                warn("the itemSchema of '\(media.mediaType)' has no 'data' property; event data is generated as "
                     + "String", media.origin)
            }
            return .builtin(.string)
        }
        let first = dataSchemas[0]
        if dataSchemas.dropFirst().contains(where: { fingerprint($0) != fingerprint(first) }) {
            warn("the events of '\(media.mediaType)' have different 'data' schemas; event data is generated as "
                 + "String", media.origin)
            return .builtin(.string)
        }
        let data = target(of: first)
        if let content = data.contentSchema {
            let mediaType = data.contentMediaType.map(Self.essence) ?? "application/json"
            guard Self.isJSON(mediaType) else {
                warn("event data of content type '\(mediaType)' is generated as String", first.origin)
                return .builtin(.string)
            }
            return translate(content, site: site).type
        }
        if isText(data) { return .builtin(.string) }
        return translate(first, site: site).type
    }

    /// A string schema, or one without a type, properties or composition (any text).
    private func isText(_ schema: Schema) -> Bool {
        if schema.nonNullTypes == [.string] { return true }
        return schema.types == nil && schema.ref == nil && schema.properties.isEmpty && schema.oneOf == nil
            && schema.anyOf == nil && schema.allOf == nil
    }
}

extension Builder {
    /// True when every successful response with a body is a stream, so the transport hands the 2xx body over as it
    /// arrives. A stream next to a whole body (e.g. 200 events, 202 JSON) is read whole, with a warning.
    func streamsResponse(_ responses: [ResponseDecl], _ origin: Origin) -> Bool {
        let bodies = responses.filter { $0.isSuccess && $0.type != nil }
        let streamed = bodies.filter { response in
            if case .stream? = response.type?.unwrapped { true } else { false }
        }
        if streamed.isEmpty { return false }
        if streamed.count == bodies.count { return true }
        let statuses = streamed.map { "'\($0.status)'" }.joined(separator: ", ")
        warn("the streamed response \(statuses) is read whole before its items are delivered, because other "
             + "successful responses of the operation are not streams", origin)
        return false
    }
}
