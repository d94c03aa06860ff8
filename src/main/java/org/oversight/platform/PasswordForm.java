package org.oversight.platform;

/** One's own new password: the current one, the new one, and the new one again. */
class PasswordForm {

    public String current;
    public String password;
    public String confirm;
    /** The first sign-in's change: the page keeps saying why it is asked. */
    public boolean first;
}
