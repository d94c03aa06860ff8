package org.oversight.platform;

/** A new API token: only its name, what will use it (ApiTokens checks it, as it does a token made from the command line). */
class TokenForm {

    public String name;
}
