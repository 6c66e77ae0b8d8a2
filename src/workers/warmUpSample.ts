/**
 * A small real chain the parse worker reads once when the inspector opens, before any file is
 * dropped (handlers.ts, warmUp): the first drop then finds the parser's code compiled and WebCrypto
 * started, instead of paying for both (a cold drop's parse took 74-90 ms against 10-18 ms warm,
 * scripts/bench/inspect.ts). Its results are thrown away.
 *
 * The openssl test PKI's (test/fixtures/make-fixtures.sh): an ECDSA leaf and the RSA issuing CA
 * that signed it, as PEM (the PEM path), and that CA's OCSP response for the leaf, as DER.
 * test/workers/warmUpSample.test.ts holds them to the fixture files byte for byte.
 */
export const warmUpChainPem =
  '-----BEGIN CERTIFICATE-----\n' +
  'MIIDqzCCApOgAwIBAgICMAIwDQYJKoZIhvcNAQELBQAwUzELMAkGA1UEBhMCWlox\n' +
  'HDAaBgNVBAoME1N0YXBsZSBMYWIgVGVzdCBQS0kxJjAkBgNVBAMMHVN0YXBsZSBM\n' +
  'YWIgVGVzdCBJc3N1aW5nIENBIEkxMB4XDTI2MTEwMTAwMDAwMFoXDTM2MTEwMTAw\n' +
  'MDAwMFowTjELMAkGA1UEBhMCWloxHDAaBgNVBAoME1N0YXBsZSBMYWIgVGVzdCBQ\n' +
  'S0kxITAfBgNVBAMMGGVjZHNhLnN0YXBsZS1sYWIuZXhhbXBsZTBZMBMGByqGSM49\n' +
  'AgEGCCqGSM49AwEHA0IABPSqJ92fjPGaTez6Iei/MkgChZaV/Ok9n8aDXr7wkTUf\n' +
  'G4HRQNKbcmaajvIGflHBLvJIQuQOEaRn8rbbcpE9jd6jggFXMIIBUzAMBgNVHRMB\n' +
  'Af8EAjAAMA4GA1UdDwEB/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAdBgNV\n' +
  'HQ4EFgQUFLQpxvXzOp3gLZ7CmgHkRLBGjOowHwYDVR0jBBgwFoAU0QYlnqKarBNC\n' +
  'HBW0xMNNGpA5tAAwIwYDVR0RBBwwGoIYZWNkc2Euc3RhcGxlLWxhYi5leGFtcGxl\n' +
  'MGwGCCsGAQUFBwEBBGAwXjAqBggrBgEFBQcwAYYeaHR0cDovL29jc3Auc3RhcGxl\n' +
  'LWxhYi5leGFtcGxlMDAGCCsGAQUFBzAChiRodHRwOi8vY2Euc3RhcGxlLWxhYi5l\n' +
  'eGFtcGxlL2ludC5kZXIwNgYDVR0fBC8wLTAroCmgJ4YlaHR0cDovL2NybC5zdGFw\n' +
  'bGUtbGFiLmV4YW1wbGUvaW50LmNybDATBgNVHSAEDDAKMAgGBmeBDAECATANBgkq\n' +
  'hkiG9w0BAQsFAAOCAQEAp7SMsOsozuMLsCApbKfJt8FC32glV0Bl2FntWqGkEe6v\n' +
  'YZnxrgOcHGjBgiKZL2t34HWJuNRn6DKWiYv3u9h81zvlilmmI3t2F4WkLChrZC3g\n' +
  '2dxqSF9TQN5TtUxM2aCawrDtcAy3TeY2gKyfYVYZvgw+X5k2mMsUUb8Rt/eFozkQ\n' +
  'phGLDkNbeLiwohTxfU5/pK3/IOIbWbWaTxqiR8sW+vjLgxsQrEVoBj3MFydi4/Zl\n' +
  'kJ+DYqO2z1u4dsvPJiDRzXgc/PzlI5T9ybDy6xDRvudHASD3MzHJYWNDT1X37Vcp\n' +
  'u7BZ6NaUHQB2CxcL/bzpojdB2U9QIu1nj5JcTZQnFw==\n' +
  '-----END CERTIFICATE-----\n' +
  '-----BEGIN CERTIFICATE-----\n' +
  'MIIEszCCAxugAwIBAgIEXh8AAjANBgkqhkiG9w0BAQsFADBNMQswCQYDVQQGEwJa\n' +
  'WjEcMBoGA1UECgwTU3RhcGxlIExhYiBUZXN0IFBLSTEgMB4GA1UEAwwXU3RhcGxl\n' +
  'IExhYiBUZXN0IFJvb3QgUjEwHhcNMTkwMTAxMDAwMDAwWhcNNDYwMTAxMDAwMDAw\n' +
  'WjBTMQswCQYDVQQGEwJaWjEcMBoGA1UECgwTU3RhcGxlIExhYiBUZXN0IFBLSTEm\n' +
  'MCQGA1UEAwwdU3RhcGxlIExhYiBUZXN0IElzc3VpbmcgQ0EgSTEwggEiMA0GCSqG\n' +
  'SIb3DQEBAQUAA4IBDwAwggEKAoIBAQCo4rx9s8G59DqiFDjhB2Ttk/UmOENeZRC2\n' +
  'NLxC1BlXuJPsO5Vk6vSW40VHVAE/3ynP7k413shipov8A0Y3qJ4fiQ8US/3OLiYv\n' +
  'XXrxkp5IsRIrGqTUNFRNH+w2Ujzi+ZlgBimlvUv9goXOLTE77xUKmnymrdsyWPms\n' +
  'AP3DFqoHbIeAw5mo1MRCYznzLZgILOR4PlNXyKWxYWIWHRa6tHHwc0iANANoJmUV\n' +
  'Gv784YLD2wyzk1aKDAxhLQbr4qZdDoDAHMqschISxzOrVK6u8+OPb23FROn8PsyF\n' +
  '8IO2eSfRQpCiI8sOcXa3bBhlU8zHdA5W1bbaklJfFhen31cFL+2nAgMBAAGjggET\n' +
  'MIIBDzASBgNVHRMBAf8ECDAGAQH/AgEAMA4GA1UdDwEB/wQEAwIBhjAdBgNVHQ4E\n' +
  'FgQU0QYlnqKarBNCHBW0xMNNGpA5tAAwHwYDVR0jBBgwFoAUyNiAtDSohZPPp50W\n' +
  'yKwpSjJEHGMwYQYIKwYBBQUHAQEEVTBTMCQGCCsGAQUFBzABhhhodHRwOi8vb2Nz\n' +
  'cC5yb290LmV4YW1wbGUwKwYIKwYBBQUHMAKGH2h0dHA6Ly9jYS5yb290LmV4YW1w\n' +
  'bGUvcm9vdC5kZXIwMQYDVR0fBCowKDAmoCSgIoYgaHR0cDovL2NybC5yb290LmV4\n' +
  'YW1wbGUvcm9vdC5jcmwwEwYDVR0gBAwwCjAIBgZngQwBAgEwDQYJKoZIhvcNAQEL\n' +
  'BQADggGBANHHs1U3DVrLtMjg5kp2FI6q2YBA64ZrSOJpueiNN4/IrHw58jkkeiZe\n' +
  'w1AV0dW7VgJZDybRBVR4qluowGo1hcsnD7o/6ObBj3o1KKi2idSDSoCzvunKeaCo\n' +
  'zwIAbRrZ9lsabd8Yuy1zODxA1PTo+8h0Bk9c0meoLAZ48BK13v6MkuCl3kPrvpYo\n' +
  'LNJ/vVl93ZicM+lvdWRsF2NTfu7Dj165Tz8V/4G54DvNGn63PXiNVAEvIdCdOxf3\n' +
  'nJLTLhFUUgAtAnGDs57A7IUZFaaCl/j+78XBrjw+hRHgzplw0CfFeoQoc2tzYIJd\n' +
  'YLKn5wNran49PhvkRcIW2OLs4HBig8VSrOJ2ugoEmLqS5jXCXXy/OBinJye3ZGyP\n' +
  'Dv89y3a+1dPBFD6KtuV1myEhlED4zfH+IkU3iI8NEs5zTWL2EGX+gzQaSJssW6T2\n' +
  '+2KWwLyWjFeXgcGzH5W1QxPoHsJozu5utHi/N92RM6S6l1pCbHwxJLR28bt0bqIb\n' +
  'txLALKJ5Vg==\n' +
  '-----END CERTIFICATE-----\n'

/** resp-good-ecdsa.der, base64. */
export const warmUpResponseBase64 =
  'MIICIQoBAKCCAhowggIWBgkrBgEFBQcwAQEEggIHMIICAzCB7KFVMFMxCzAJBgNVBAYTAlpaMRwwGgYDVQQKDBNTdGFwbGUg' +
  'TGFiIFRlc3QgUEtJMSYwJAYDVQQDDB1TdGFwbGUgTGFiIFRlc3QgSXNzdWluZyBDQSBJMRgPMjAyNjExMjQwMDA1NDJaMIGB' +
  'MH8wVzANBglghkgBZQMEAgEFAAQgxUSSDuQYyTYh5GIfdoKZIp//K6p7UtPndwAaO98CSqAEIBDbjEDwU8bNFJAimzF10bLV' +
  '7TK5mGvB61Ak/tJDGhrKAgIwAoAAGA8yMDI2MTEyNDAwMDU0MlqgERgPMjAyNjExMjgwMDA1NDJaMA0GCSqGSIb3DQEBCwUA' +
  'A4IBAQBJOqqkGavIxsXfVghhPicS1uZDiLOsFIFoYDulccQNmnbWlXbBIkdo3/pcP0C9r/JTDtShA+FFmqXevte+1zIuV1GP' +
  'sAoRqVZ4lEbYOneJ7d9MJ8/yoZlJO/7WT5f7dD1wrjY159XEk8w3zTHHT9Q8Xu/JrTshvjqJXN8ICi/KxLUjM8XOazBK+Pnp' +
  'Ey5xjfleVwbOjkwSGoXj1BnU7GRUfqGGjp+WGjW7yMvCSdWOXYKWw6joQjtuBQGlOAL1rFaYPaPK69oiIPkXWdYpJfefWu6N' +
  'zXgkkgj8XalJcF80KP6BLr/l1YYRVC5EdW2SI3F6HBAWSUYFgpj6TAvEEa4y'
