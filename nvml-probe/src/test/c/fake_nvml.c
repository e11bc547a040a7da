/*
 * A fake libnvidia-ml.so.1 for tests. Built in three variants (see build-fake-nvml.sh):
 *   default         every symbol the probe may bind, *_v3 process records of 24 bytes, and both
 *                   nvmlDeviceGetConfComputeMemSizeInfo and nvmlDeviceGetRunningProcessDetailList
 *                   (a current driver);
 *   FAKE_LEGACY     no _v2/_v3 symbols at all (an old driver): plain init, count, handle,
 *                   v1 memory and 16-byte process records;
 *   FAKE_STRIDE32   *_v3 writes 32-byte records and nvmlDeviceGetRunningProcessDetailList is
 *                   absent (the driver 535.43-535.86 ABI trap).
 * The control file (fake_nvml_control.c) is re-read by every init; when its text changed, the
 * failure state (fail_after_calls, tripped) starts over. Test hooks: fake_nvml_set_control,
 * fake_nvml_calls, fake_nvml_reset_calls,
 * fake_nvml_refcount; events: fake_nvml_post_event, fake_nvml_fail_event_wait,
 * fake_nvml_live_event_sets (fake_nvml_events.c).
 */
#include "fake_nvml.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
fake_control fake_state;
static char *control_path;
static char *loaded_text;
static int refcount;
static int tripped;
static long long calls_since_load;
long long fake_calls[FN_COUNT];

static char *read_file(const char *path) {
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) {
        return strdup("");
    }
    size_t capacity = 4096, length = 0;
    char *text = malloc(capacity);
    size_t n;
    while ((n = fread(text + length, 1, capacity - length - 1, f)) > 0) {
        length += n;
        if (capacity - length < 2) {
            capacity *= 2;
            text = realloc(text, capacity);
        }
    }
    fclose(f);
    text[length] = '\0';
    return text;
}

/* Called with the lock held. */
static void reload_control(void) {
    char *text = read_file(control_path ? control_path : getenv("FAKE_NVML_CONTROL"));
    if (loaded_text && strcmp(text, loaded_text) == 0) {
        free(text);
        return;
    }
    free(loaded_text);
    loaded_text = text;
    fake_parse_control(text, &fake_state);
    tripped = 0;
    calls_since_load = 0;
}

/* Called with the lock held; sleeps without it when the control file says this call hangs. */
static void hang(int fn) {
    int ms = fake_state.hang_ms[fn];
    if (ms <= 0 || fake_state.hang_count == 0) {
        return;
    }
    if (fake_state.hang_count > 0) {
        fake_state.hang_count--;
    }
    pthread_mutex_unlock(&lock);
    struct timespec t = {ms / 1000, (long) (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
    pthread_mutex_lock(&lock);
}

/* Called with the lock held: the failure every call shares (incident mode, forced returns). */
static int forced_failure(int fn, const fake_device *device) {
    if (tripped) {
        return fake_state.fail_code;
    }
    if (fake_state.fail_after_calls >= 0 && ++calls_since_load > fake_state.fail_after_calls) {
        tripped = 1;
        return fake_state.fail_code;
    }
    if (fn != FN_nvmlInit && fn != FN_nvmlInit_v2 && refcount == 0) {
        return UNINITIALIZED;
    }
    if (device && device->returns[fn] >= 0) {
        return device->returns[fn];
    }
    return fake_state.returns[fn] >= 0 ? fake_state.returns[fn] : SUCCESS;
}

static int valid_device(const fake_device *device) {
    return device >= fake_state.devices && device < fake_state.devices + fake_state.device_count;
}

/* Counts, delays and checks a call; on SUCCESS the lock stays held until fake_leave(). */
int fake_enter(int fn, const fake_device *device) {
    __atomic_add_fetch(&fake_calls[fn], 1, __ATOMIC_SEQ_CST);
    pthread_mutex_lock(&lock);
    hang(fn);
    int rc;
    if (device && !valid_device(device)) {
        rc = INVALID_ARGUMENT;
    } else {
        rc = forced_failure(fn, device);
    }
    if (rc != SUCCESS) {
        pthread_mutex_unlock(&lock);
    }
    return rc;
}

int fake_leave(int rc) {
    pthread_mutex_unlock(&lock);
    return rc;
}

static int init(int fn) {
    __atomic_add_fetch(&fake_calls[fn], 1, __ATOMIC_SEQ_CST);
    pthread_mutex_lock(&lock);
    reload_control();
    hang(fn);
    int rc = forced_failure(fn, NULL);
    if (rc == SUCCESS && fake_state.init_return != SUCCESS) {
        rc = fake_state.init_return;
    }
    if (rc == SUCCESS) {
        refcount++;
    }
    return fake_leave(rc);
}

/* ---- test hooks ---- */

void fake_nvml_set_control(const char *path) {
    pthread_mutex_lock(&lock);
    free(control_path);
    control_path = path ? strdup(path) : NULL;
    pthread_mutex_unlock(&lock);
}

long long fake_nvml_calls(const char *function) {
    for (int i = 0; i < FN_COUNT; i++) {
        if (strcmp(fake_fn_names[i], function) == 0) {
            return __atomic_load_n(&fake_calls[i], __ATOMIC_SEQ_CST);
        }
    }
    return -1;
}

void fake_nvml_reset_calls(void) {
    for (int i = 0; i < FN_COUNT; i++) {
        __atomic_store_n(&fake_calls[i], 0, __ATOMIC_SEQ_CST);
    }
}

/* Applies one control line ("device.0.recovery_action=0") now, without waiting for an init. */
void fake_nvml_apply(const char *line) {
    char buffer[1024];
    snprintf(buffer, sizeof buffer, "%s", line);
    char *eq = strchr(buffer, '=');
    if (!eq) {
        return;
    }
    *eq = '\0';
    pthread_mutex_lock(&lock);
    fake_parse_line(&fake_state, buffer, eq + 1);
    pthread_mutex_unlock(&lock);
}

int fake_nvml_refcount(void) {
    pthread_mutex_lock(&lock);
    int n = refcount;
    pthread_mutex_unlock(&lock);
    return n;
}

/* ---- lifecycle and system ---- */

int nvmlInit(void) { return init(FN_nvmlInit); }

int nvmlShutdown(void) {
    __atomic_add_fetch(&fake_calls[FN_nvmlShutdown], 1, __ATOMIC_SEQ_CST);
    pthread_mutex_lock(&lock);
    int rc = refcount > 0 ? SUCCESS : UNINITIALIZED;
    if (refcount > 0) {
        refcount--;
    }
    return fake_leave(rc);
}

const char *nvmlErrorString(int code) {
    switch (code) {
        case 0: return "Success";
        case 1: return "Uninitialized";
        case 2: return "Invalid Argument";
        case 3: return "Not Supported";
        case 4: return "Insufficient Permissions";
        case 7: return "Insufficient Size";
        case 9: return "Driver Not Loaded";
        case 15: return "GPU is lost";
        case 18: return "RM has detected an NVML/RM version mismatch.";
        case 999: return "Unknown Error";
        default: return "Unknown Error";
    }
}

static int copy_string(const char *value, char *buffer, unsigned length) {
    if (!buffer) {
        return INVALID_ARGUMENT;
    }
    if (strlen(value) + 1 > length) {
        return INSUFFICIENT_SIZE;
    }
    strcpy(buffer, value);
    return SUCCESS;
}

int nvmlSystemGetDriverVersion(char *version, unsigned length) {
    int rc = fake_enter(FN_nvmlSystemGetDriverVersion, NULL);
    return rc ? rc : fake_leave(copy_string(fake_state.driver_version, version, length));
}

int nvmlSystemGetNVMLVersion(char *version, unsigned length) {
    int rc = fake_enter(FN_nvmlSystemGetNVMLVersion, NULL);
    return rc ? rc : fake_leave(copy_string(fake_state.nvml_version, version, length));
}

static int device_count(int fn, unsigned *count) {
    int rc = fake_enter(fn, NULL);
    if (rc) {
        return rc;
    }
    if (!count) {
        return fake_leave(INVALID_ARGUMENT);
    }
    *count = (unsigned) fake_state.device_count;
    return fake_leave(SUCCESS);
}

static int handle_by_index(int fn, unsigned index, nvmlDevice_t *device) {
    fake_device *target = index < FAKE_MAX_DEVICES ? &fake_state.devices[index] : NULL;
    int rc = fake_enter(fn, NULL);
    if (rc) {
        return rc;
    }
    if (!device || index >= (unsigned) fake_state.device_count) {
        return fake_leave(INVALID_ARGUMENT);
    }
    if (target->returns[fn] >= 0) {
        return fake_leave(target->returns[fn]);
    }
    *device = target;
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetCount(unsigned *count) { return device_count(FN_nvmlDeviceGetCount, count); }

int nvmlDeviceGetHandleByIndex(unsigned index, nvmlDevice_t *device) {
    return handle_by_index(FN_nvmlDeviceGetHandleByIndex, index, device);
}

#ifndef FAKE_LEGACY
int nvmlInit_v2(void) { return init(FN_nvmlInit_v2); }

int nvmlDeviceGetCount_v2(unsigned *count) { return device_count(FN_nvmlDeviceGetCount_v2, count); }

int nvmlDeviceGetHandleByIndex_v2(unsigned index, nvmlDevice_t *device) {
    return handle_by_index(FN_nvmlDeviceGetHandleByIndex_v2, index, device);
}
#endif

