package org.globustimer.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates JWT access tokens of one OpenID Connect issuer: signature by a key of the issuer's JWKS
 * (cached; an unknown key id refetches it, so rotated keys are picked up), exact issuer, one of the
 * configured audiences, expiry, and the required scope. The discovery document is read on first use
 * and retried while the issuer is unreachable.
 */
final class JwtTokens implements Authenticator {

  private static final Logger log = LoggerFactory.getLogger(JwtTokens.class);
  private static final Duration RETRY_DISCOVERY = Duration.ofSeconds(5);
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384);

  private final AuthSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private volatile DefaultJWTProcessor<SecurityContext> processor;
  private volatile Instant nextDiscovery = Instant.MIN;

  JwtTokens(AuthSettings settings, HttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public Optional<Identity> authenticate(String token) {
    if (token.chars().filter(c -> c == '.').count() != 2) {
      return Optional.empty();
    }
    DefaultJWTProcessor<SecurityContext> current = processor();
    if (current == null) {
      return Optional.empty();
    }
    JWTClaimsSet claims;
    try {
      claims = current.process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      log.debug("JWT rejected: {}", e.getMessage());
      return Optional.empty();
    }
    String required = settings.oidcRequiredScope();
    if (!required.isBlank()
        && !Scopes.granted(claims.getClaim("scope"), claims.getClaim("scp")).contains(required)) {
      log.debug("JWT rejected: scope {} not granted", settings.oidcRequiredScope());
      return Optional.empty();
    }
    return Optional.of(identity(claims));
  }

  private Identity identity(JWTClaimsSet claims) {
    String username = null;
    for (String claim : new String[] {"preferred_username", "username", "email"}) {
      Object value = claims.getClaim(claim);
      if (value instanceof String text && !text.isBlank()) {
        username = text;
        break;
      }
    }
    String principal = Principals.of(claims.getSubject());
    return new Identity(principal, username != null ? username : principal, claims.getIssuer());
  }

  private DefaultJWTProcessor<SecurityContext> processor() {
    DefaultJWTProcessor<SecurityContext> current = processor;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (processor == null && !clock.instant().isBefore(nextDiscovery)) {
        try {
          processor = build(IssuerMetadata.fetch(http, settings.oidcIssuer()));
        } catch (IOException | RuntimeException e) {
          nextDiscovery = clock.instant().plus(RETRY_DISCOVERY);
          log.warn("cannot read the OpenID Connect issuer's metadata: {}", e.getMessage());
        }
      }
      return processor;
    }
  }

  private DefaultJWTProcessor<SecurityContext> build(IssuerMetadata metadata) throws IOException {
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.<SecurityContext>create(
                metadata.jwksUri().toURL(), new DefaultResourceRetriever(5_000, 5_000, 512_000))
            .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(15).toMillis())
            .rateLimited(Duration.ofSeconds(2).toMillis())
            .build();
    DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
    built.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    built.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    Set<String> audiences = new HashSet<>(settings.oidcAudience());
    built.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audiences,
            new JWTClaimsSet.Builder().issuer(metadata.issuer()).build(),
            Set.of("sub", "exp", "iss", "aud"),
            null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        });
    return built;
  }
}
