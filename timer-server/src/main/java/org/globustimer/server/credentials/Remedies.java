package org.globustimer.server.credentials;

/** What a user must do to fix a missing or refused provider credential, in words. */
final class Remedies {

  private Remedies() {}

  static Bearer.Unavailable noneStored(ProviderAuth provider) {
    return new Bearer.Unavailable(
        "no credential for provider '"
            + provider.name()
            + "' is stored for you; "
            + remedy(provider));
  }

  static Bearer.Unavailable noRefreshToken(ProviderAuth provider) {
    return new Bearer.Unavailable(
        "the token obtained for provider '"
            + provider.name()
            + "' is no longer usable and the issuer gave no refresh token; "
            + remedy(provider));
  }

  static Bearer.Unavailable undecryptable(ProviderAuth provider) {
    return new Bearer.Unavailable(
        "the stored credential for provider '"
            + provider.name()
            + "' cannot be decrypted (the service's secret key changed); "
            + remedy(provider));
  }

  static Bearer.Unavailable refreshRefused(ProviderAuth provider, TokenAnswer.Refused refused) {
    return new Bearer.Unavailable(
        "the issuer refused the stored refresh token for provider '"
            + provider.name()
            + "' ("
            + refused.describe()
            + "); "
            + remedy(provider));
  }

  static String remedy(ProviderAuth provider) {
    return switch (provider.grant()) {
      case TOKEN_EXCHANGE ->
          "resume the timer with its credentials updated ('globus-timer job resume"
              + " --update-credentials JOB_ID', API update_credentials=true)";
      case REFRESH_TOKEN ->
          "run 'globus-timer session consent "
              + provider.name()
              + "', then resume the timer with 'globus-timer job resume --update-credentials"
              + " JOB_ID'";
    };
  }

  static String consentFor(ProviderAuth provider) {
    return provider.scopes().isEmpty()
        ? ""
        : " and consent to " + String.join(" ", provider.scopes());
  }

  static String loginNeeded(ProviderAuth provider) {
    return "provider '"
        + provider.name()
        + "' needs a token obtained from your login at the service's issuer, and this"
        + " request used a local token; log in with 'globus-timer session login' and try"
        + " again";
  }

  static String exchangeRefused(ProviderAuth provider, TokenAnswer.Refused refused) {
    return "the issuer would not exchange your token for one that provider '"
        + provider.name()
        + "' accepts ("
        + refused.describe()
        + "); log in again with 'globus-timer session login'"
        + consentFor(provider);
  }

  static String givenRefreshRefused(ProviderAuth provider, TokenAnswer.Refused refused) {
    return "the issuer refused this refresh token for provider '"
        + provider.name()
        + "' ("
        + refused.describe()
        + "); obtain a new one with 'globus-timer session consent "
        + provider.name()
        + "'";
  }
}
