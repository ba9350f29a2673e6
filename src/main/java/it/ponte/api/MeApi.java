package it.ponte.api;

import it.ponte.security.ApiSecurity;
import it.ponte.security.Role;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Who is calling: the user's name and role, so the console shows only the buttons the role may press. */
@Component("meApi")
public class MeApi {

    public ApiBodies.Caller me(Exchange exchange) {
        Object caller = exchange.getMessage() instanceof PlatformHttpMessage http ? http.getRequest().getAttribute(ApiSecurity.CALLER_ATTRIBUTE) : null;
        if (!(caller instanceof Authentication authentication)) {
            throw new ApiProblem(401, "Non autenticato", "Servono le credenziali.");
        }
        // the highest role granted (the role hierarchy grants the lower ones implicitly, never explicitly)
        Role role = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .flatMap(a -> Arrays.stream(Role.values()).filter(r -> ("ROLE_" + r.name()).equals(a)))
                .max(Comparator.naturalOrder()).orElseThrow(() -> new ApiProblem(403, "Non consentito", "Nessun ruolo."));
        return new ApiBodies.Caller(authentication.getName(), role.name());
    }
}
