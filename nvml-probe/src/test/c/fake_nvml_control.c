/*
 * Control-file parsing for the fake NVML. One "key=value" per line; '#' starts a comment.
 *
 *   devices=2                       driver_version=550.54.15      nvml_version=12.550.54.15
 *   init_return=999                 fail_after_calls=40           fail_code=999
 *   return.<function>=3             hang.<function>=1500          (milliseconds)
 *   hang_count=1                    (how many calls hang at all; default: every one)
 *   device.<i>.name=...             device.<i>.uuid=...
 *   device.<i>.memory=total,free,used,reserved                  (bytes)
 *   device.<i>.utilization=gpu,memory   device.<i>.temperature=C  device.<i>.power_mw=mW
 *   device.<i>.encoder_stats=count,fps,latencyUs
 *   device.<i>.encoder_utilization=pct,periodUs   device.<i>.encoder_capacity=h264,hevc,av1
 *   device.<i>.encoder_sessions=id:pid:vgpu:codec:h:v:fps:latency;...
 *   device.<i>.compute=pid:bytes,pid:na,...   device.<i>.graphics=...   (na = not available)
 *   device.<i>.process_growth=n     device.<i>.return.<function>=code
 *   device.<i>.supported_events=mask   (decimal or 0x..; default: every type)
 *   device.<i>.recovery_action=n    (NVML field 230; "na" = the field is NOT_SUPPORTED)
 *   device.<i>.remapped_rows=corrected,uncorrected,pending,failure
 *   device.<i>.retired_pending=0|1  device.<i>.ecc_uncorrected=n
 * Events are posted at run time through fake_nvml_post_event (see fake_nvml_events.c).
 *
 * Devices without explicit values get plausible defaults, so "devices=8" alone is a valid file.
 */
#include "fake_nvml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOT_AVAILABLE 0xFFFFFFFFFFFFFFFFULL

const char *const fake_fn_names[FN_COUNT] = {
#define FAKE_NAME(name) #name,
    FAKE_FUNCTIONS(FAKE_NAME)
#undef FAKE_NAME
};

static int function_index(const char *name) {
    for (int i = 0; i < FN_COUNT; i++) {
        if (strcmp(fake_fn_names[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

static void copy_text(char *target, const char *value) {
    snprintf(target, FAKE_TEXT, "%s", value);
}

static void default_device(fake_device *d, int index) {
    memset(d, 0, sizeof *d);
    snprintf(d->name, FAKE_TEXT, "Fake GPU %d", index);
    snprintf(d->uuid, FAKE_TEXT, "GPU-fa4e0000-0000-0000-0000-%012d", index);
    d->memory_total = 17179869184ULL;   /* 16 GiB */
    d->memory_reserved = 268435456ULL;
    d->memory_used = 1073741824ULL;
    d->memory_free = d->memory_total - d->memory_reserved - d->memory_used;
    d->utilization_gpu = 10;
    d->utilization_memory = 5;
    d->temperature = 40;
    d->power_mw = 50000;
    d->encoder_period = 1000000;
    d->encoder_capacity[0] = d->encoder_capacity[1] = d->encoder_capacity[2] = 100;
    d->supported_events = 0xFFFFULL;
    for (int i = 0; i < FN_COUNT; i++) {
        d->returns[i] = -1;
    }
}

static void parse_processes(const char *value, fake_process *list, int *count) {
    *count = 0;
    const char *p = value;
    while (*p && *count < FAKE_MAX_PROCESSES) {
        char *end;
        unsigned pid = (unsigned) strtoul(p, &end, 10);
        if (*end != ':') {
            return;
        }
        p = end + 1;
        unsigned long long memory;
        if (strncmp(p, "na", 2) == 0) {
            memory = NOT_AVAILABLE;
            p += 2;
        } else {
            memory = strtoull(p, &end, 10);
            p = end;
        }
        list[*count].pid = pid;
        list[*count].used_memory = memory;
        (*count)++;
        if (*p == ',') {
            p++;
        }
    }
}

static void parse_sessions(const char *value, fake_device *d) {
    d->session_count = 0;
    const char *p = value;
    while (*p && d->session_count < FAKE_MAX_SESSIONS) {
        fake_session *s = &d->sessions[d->session_count++];
        for (int i = 0; i < 8; i++) {
            char *end;
            s->values[i] = (unsigned) strtoul(p, &end, 10);
            p = (*end == ':' || *end == ';') ? end + 1 : end;
        }
    }
}

static void parse_unsigned_list(const char *value, unsigned *out, int n) {
    const char *p = value;
    for (int i = 0; i < n && *p; i++) {
        char *end;
        out[i] = (unsigned) strtoul(p, &end, 10);
        p = (*end == ',') ? end + 1 : end;
    }
}

static void parse_device_key(fake_device *d, const char *key, const char *value) {
    if (strcmp(key, "name") == 0) {
        copy_text(d->name, value);
    } else if (strcmp(key, "uuid") == 0) {
        copy_text(d->uuid, value);
    } else if (strcmp(key, "memory") == 0) {
        char *end;
        d->memory_total = strtoull(value, &end, 10);
        d->memory_free = strtoull(end + 1, &end, 10);
        d->memory_used = strtoull(end + 1, &end, 10);
        d->memory_reserved = strtoull(end + 1, &end, 10);
    } else if (strcmp(key, "utilization") == 0) {
        unsigned v[2] = {0, 0};
        parse_unsigned_list(value, v, 2);
        d->utilization_gpu = v[0];
        d->utilization_memory = v[1];
    } else if (strcmp(key, "temperature") == 0) {
        d->temperature = (unsigned) strtoul(value, NULL, 10);
    } else if (strcmp(key, "power_mw") == 0) {
        d->power_mw = (unsigned) strtoul(value, NULL, 10);
    } else if (strcmp(key, "encoder_stats") == 0) {
        unsigned v[3] = {0, 0, 0};
        parse_unsigned_list(value, v, 3);
        d->encoder_count = v[0];
        d->encoder_fps = v[1];
        d->encoder_latency = v[2];
    } else if (strcmp(key, "encoder_utilization") == 0) {
        unsigned v[2] = {0, 0};
        parse_unsigned_list(value, v, 2);
        d->encoder_utilization = v[0];
        d->encoder_period = v[1];
    } else if (strcmp(key, "encoder_capacity") == 0) {
        parse_unsigned_list(value, d->encoder_capacity, 3);
    } else if (strcmp(key, "encoder_sessions") == 0) {
        parse_sessions(value, d);
    } else if (strcmp(key, "compute") == 0) {
        parse_processes(value, d->compute, &d->compute_count);
    } else if (strcmp(key, "graphics") == 0) {
        parse_processes(value, d->graphics, &d->graphics_count);
    } else if (strcmp(key, "supported_events") == 0) {
        d->supported_events = strtoull(value, NULL, 0);
    } else if (strcmp(key, "recovery_action") == 0) {
        if (strcmp(value, "na") == 0) {
            d->recovery_action_return = NOT_SUPPORTED;
        } else {
            d->recovery_action_return = SUCCESS;
            d->recovery_action = (unsigned) strtoul(value, NULL, 10);
        }
    } else if (strcmp(key, "remapped_rows") == 0) {
        parse_unsigned_list(value, d->remapped_rows, 4);
    } else if (strcmp(key, "retired_pending") == 0) {
        d->retired_pending = (unsigned) strtoul(value, NULL, 10);
    } else if (strcmp(key, "ecc_uncorrected") == 0) {
        d->ecc_uncorrected = strtoull(value, NULL, 10);
    } else if (strcmp(key, "process_growth") == 0) {
        d->process_growth = atoi(value);
    } else if (strncmp(key, "return.", 7) == 0) {
        int fn = function_index(key + 7);
        if (fn >= 0) {
            d->returns[fn] = atoi(value);
        }
    }
}

void fake_parse_line(fake_control *c, const char *key, const char *value) {
    if (strcmp(key, "devices") == 0) {
        int n = atoi(value);
        c->device_count = n < 0 ? 0 : (n > FAKE_MAX_DEVICES ? FAKE_MAX_DEVICES : n);
    } else if (strcmp(key, "driver_version") == 0) {
        copy_text(c->driver_version, value);
    } else if (strcmp(key, "nvml_version") == 0) {
        copy_text(c->nvml_version, value);
    } else if (strcmp(key, "init_return") == 0) {
        c->init_return = atoi(value);
    } else if (strcmp(key, "fail_after_calls") == 0) {
        c->fail_after_calls = atoll(value);
    } else if (strcmp(key, "fail_code") == 0) {
        c->fail_code = atoi(value);
    } else if (strncmp(key, "return.", 7) == 0) {
        int fn = function_index(key + 7);
        if (fn >= 0) {
            c->returns[fn] = atoi(value);
        }
    } else if (strcmp(key, "hang_count") == 0) {
        c->hang_count = atoi(value);
    } else if (strncmp(key, "hang.", 5) == 0) {
        int fn = function_index(key + 5);
        if (fn >= 0) {
            c->hang_ms[fn] = atoi(value);
        }
    } else if (strncmp(key, "device.", 7) == 0) {
        char *end;
        long index = strtol(key + 7, &end, 10);
        if (*end == '.' && index >= 0 && index < FAKE_MAX_DEVICES) {
            parse_device_key(&c->devices[index], end + 1, value);
        }
    }
}

void fake_parse_control(const char *text, fake_control *c) {
    memset(c, 0, sizeof *c);
    c->device_count = 1;
    copy_text(c->driver_version, "550.54.15");
    copy_text(c->nvml_version, "12.550.54.15");
    c->fail_after_calls = -1;
    c->fail_code = 999;
    c->hang_count = -1;
    for (int i = 0; i < FN_COUNT; i++) {
        c->returns[i] = -1;
    }
    for (int i = 0; i < FAKE_MAX_DEVICES; i++) {
        default_device(&c->devices[i], i);
    }
    const char *line = text;
    while (line && *line) {
        const char *next = strchr(line, '\n');
        size_t length = next ? (size_t) (next - line) : strlen(line);
        char buffer[16384];
        if (length < sizeof buffer && line[0] != '#') {
            memcpy(buffer, line, length);
            buffer[length] = '\0';
            if (length > 0 && buffer[length - 1] == '\r') {
                buffer[length - 1] = '\0';
            }
            char *eq = strchr(buffer, '=');
            if (eq) {
                *eq = '\0';
                fake_parse_line(c, buffer, eq + 1);
            }
        }
        line = next ? next + 1 : NULL;
    }
}
