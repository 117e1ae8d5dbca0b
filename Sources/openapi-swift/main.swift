print("openapi-swift")
