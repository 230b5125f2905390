# core/secrets: where device tokens live (QtKeychain, or memory when there is no keychain).
target_sources(studiotimer_core PRIVATE
    secrets/CredentialStore.cpp secrets/CredentialStore.h
    secrets/KeychainCredentialStore.cpp secrets/KeychainCredentialStore.h
)
target_link_libraries(studiotimer_core PUBLIC qt6keychain)
