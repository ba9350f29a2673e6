package it.ponte.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users of the API and the console ({@code ponte.security.users}): a name, a bcrypt hash of the password (never
 * the password itself: {@code htpasswd -nbBC 10 "" secret | cut -c2-} makes one) and a role.
 */
@ConfigurationProperties("ponte.security")
public record SecurityProperties(@DefaultValue List<User> users) {

    public record User(String name, String passwordHash, Role role) {

        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + "]";
        }
    }
}
