package org.oversight.platform;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.oversight.shared.Text;

/** A user as an administrator edits them: the new-user form, and the user's page with a version to detect a stale edit. */
class UserForm {

    /** What a new user's form must have besides: a username and a first password. */
    interface New {
    }

    /** Only for a new user: a username is kept for life. */
    @NotBlank(groups = New.class, message = "Enter a username")
    @Pattern(regexp = "([A-Za-z0-9._@-]{2,64})?", message = "A username is 2 to 64 letters, digits or . _ @ -")
    public String username;
    @Size(max = Text.NAME, message = "The name must be 200 characters or fewer")
    public String displayName;
    /** A new user's temporary password; on the user's page, a reset (blank keeps the password). */
    @NotBlank(groups = New.class, message = "Enter a temporary password for them")
    public String password;
    public Set<Role> roles = EnumSet.noneOf(Role.class);
    /** Ticked among the known divisions. */
    @Size(max = 100, message = "Give at most 100 divisions")
    public Set<@Size(max = Text.NAME, message = "A division's name must be 200 characters or fewer") String> divisions = new LinkedHashSet<>();
    @Size(max = 500, message = "Give at most 500 indicators")
    public Set<@Size(max = 30, message = "An indicator reference has at most 30 characters") String> indicatorRefs = new LinkedHashSet<>();
    public boolean enabled;
    public int version;

    static UserForm of(Account a) {
        UserForm f = new UserForm();
        f.username = a.username();
        f.displayName = a.displayName();
        f.roles = a.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(a.roles());
        f.divisions = new LinkedHashSet<>(a.divisions());
        f.indicatorRefs = new LinkedHashSet<>(a.indicatorRefs());
        f.enabled = a.enabled();
        f.version = a.version();
        return f;
    }
}
