// Diagnostics, source positions, JSON pointers and `JSONValue` live in the small base module every stage uses; a file
// that imports SpecParser sees them as before.
@_exported import OpenAPISwiftBase
