// Shared by every vitest file. @peculiar/x509 uses decorators that need the Reflect metadata API.
import 'reflect-metadata'
