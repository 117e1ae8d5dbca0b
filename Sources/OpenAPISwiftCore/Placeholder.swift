// OpenAPISwiftCore
