# SPDX-License-Identifier: GPL-3.0-or-later
# Build helpers shared by every target of the project.

# Warnings, string-cast hardening and optional sanitizers for one of our own targets.
function(tramontane_set_target_options target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    if(TRAMONTANE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_NO_FOREACH
        QT_NO_KEYWORDS
        QT_USE_QSTRINGBUILDER)
    if(TRAMONTANE_SANITIZE)
        # Any undefined behaviour stops the program, as an ASan finding does, so a test fails.
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined
            -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# tramontane_add_test(NAME tst_x SOURCES a.cpp LIBS lib... [LABELS l...] [TIMEOUT s]
#                     [ENVIRONMENT VAR=value...])
# Every test runs offscreen with a fixed locale, quiet debug logging and a private
# XDG_RUNTIME_DIR, so no test depends on the desktop it happens to run in.
function(tramontane_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_NAME OR NOT ARG_SOURCES)
        message(FATAL_ERROR "tramontane_add_test needs NAME and SOURCES")
    endif()
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test tramontane_test_support ${ARG_LIBS})
    tramontane_set_target_options(${ARG_NAME})
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    # Sanitized code runs a few times slower: the same tests get proportionally more time.
    if(TRAMONTANE_SANITIZE)
        math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * ${TRAMONTANE_SANITIZE_TIMEOUT_FACTOR}")
    endif()
    set(_env
        QT_QPA_PLATFORM=offscreen
        LANG=C.UTF-8
        LC_ALL=C.UTF-8
        "QT_LOGGING_RULES=*.debug=false"
        XDG_RUNTIME_DIR=${CMAKE_BINARY_DIR}/test-runtime
        TRAMONTANE_SOURCE_DIR=${PROJECT_SOURCE_DIR}
        ${ARG_ENVIRONMENT})
    if(TARGET tramontane-emulator)
        list(APPEND _env TRAMONTANE_EMULATOR=$<TARGET_FILE:tramontane-emulator>)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        ENVIRONMENT "${_env}"
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}")
    file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/test-runtime)
    file(CHMOD ${CMAKE_BINARY_DIR}/test-runtime DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
endfunction()
