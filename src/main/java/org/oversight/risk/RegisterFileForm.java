package org.oversight.risk;

import org.springframework.web.multipart.MultipartFile;

/** A register file to load into a register: all its rows or none. */
class RegisterFileForm {

    public MultipartFile file;
}
