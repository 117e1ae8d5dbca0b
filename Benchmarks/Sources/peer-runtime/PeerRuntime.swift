// Intentionally empty: exists so that `swift build` builds OpenAPIRuntime (and HTTPTypes) for type-checking.
@_exported import OpenAPIRuntime
