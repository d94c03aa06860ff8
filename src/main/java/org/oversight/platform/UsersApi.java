package org.oversight.platform;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The users for programs (administrators): who there is, and a new user. */
@RestController
class UsersApi {

    private final Accounts accounts;

    UsersApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record NewUser(String username, String displayName, String password, Set<Role> roles, Set<String> divisions, Set<String> indicatorRefs) {
    }

    @GetMapping("/api/users")
    List<Account> users() {
        return accounts.all();
    }

    @PostMapping("/api/users")
    ResponseEntity<Account> create(@RequestBody NewUser u) {
        long id = accounts.create(u.username(), u.displayName(), u.password(), u.roles() == null ? Set.of() : u.roles(),
                u.divisions() == null ? Set.of() : u.divisions(), u.indicatorRefs() == null ? Set.of() : u.indicatorRefs());
        return ResponseEntity.status(HttpStatus.CREATED).body(accounts.get(id));
    }
}
