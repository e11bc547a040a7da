/*
 * Events and fault state for the fake NVML: event sets that tests post events into at run time
 * (fake_nvml_post_event), a wait that times out, or fails with a code the test chooses
 * (fake_nvml_fail_event_wait), and the fault queries (field 230, remapped rows, page retirement,
 * ECC) answered from the control file.
 */
#include "fake_nvml.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#define FAKE_MAX_SETS 16
#define FAKE_QUEUE 64

typedef struct {
    fake_device *device;
    unsigned long long type, data;
} fake_event;

typedef struct {
    int live;
    unsigned long long registered[FAKE_MAX_DEVICES];
    fake_event queue[FAKE_QUEUE];
    int head, length;
} fake_set;

static pthread_mutex_t events_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t events_posted = PTHREAD_COND_INITIALIZER;
static fake_set sets[FAKE_MAX_SETS];
static int wait_fail_code; /* 0: waits answer normally */

static void put32(void *base, size_t offset, uint32_t value) {
    memcpy((char *) base + offset, &value, sizeof value);
}

static void put64(void *base, size_t offset, uint64_t value) {
    memcpy((char *) base + offset, &value, sizeof value);
}

static fake_set *valid_set(void *set) {
    fake_set *s = set;
    return s >= sets && s < sets + FAKE_MAX_SETS && s->live ? s : NULL;
}

int nvmlEventSetCreate(void **set) {
    int rc = fake_enter(FN_nvmlEventSetCreate, NULL);
    if (rc) {
        return rc;
    }
    fake_leave(SUCCESS);
    if (!set) {
        return INVALID_ARGUMENT;
    }
    pthread_mutex_lock(&events_lock);
    for (int i = 0; i < FAKE_MAX_SETS; i++) {
        if (!sets[i].live) {
            memset(&sets[i], 0, sizeof sets[i]);
            sets[i].live = 1;
            *set = &sets[i];
            pthread_mutex_unlock(&events_lock);
            return SUCCESS;
        }
    }
    pthread_mutex_unlock(&events_lock);
    return 20; /* NVML_ERROR_MEMORY */
}

int nvmlDeviceGetSupportedEventTypes(nvmlDevice_t device, unsigned long long *types) {
    int rc = fake_enter(FN_nvmlDeviceGetSupportedEventTypes, device);
    if (rc) {
        return rc;
    }
    *types = device->supported_events;
    return fake_leave(SUCCESS);
}

int nvmlDeviceRegisterEvents(nvmlDevice_t device, unsigned long long types, void *set) {
    int rc = fake_enter(FN_nvmlDeviceRegisterEvents, device);
    if (rc) {
        return rc;
    }
    unsigned long long supported = device->supported_events;
    int index = (int) (device - fake_state.devices);
    fake_leave(SUCCESS);
    pthread_mutex_lock(&events_lock);
    fake_set *s = valid_set(set);
    if (!s) {
        rc = INVALID_ARGUMENT;
    } else if (types & ~supported) {
        rc = NOT_SUPPORTED; /* as NVML: one unsupported type and none is registered */
    } else {
        s->registered[index] |= types;
    }
    pthread_mutex_unlock(&events_lock);
    return rc;
}

static int wait_for(int fn, void *set, void *data, unsigned timeout_ms, size_t bytes) {
    int rc = fake_enter(fn, NULL);
    if (rc) {
        return rc;
    }
    fake_leave(SUCCESS);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long) (timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&events_lock);
    for (;;) {
        fake_set *s = valid_set(set);
        if (!s || !data) {
            rc = INVALID_ARGUMENT;
            break;
        }
        if (wait_fail_code) {
            rc = wait_fail_code;
            break;
        }
        if (s->length > 0) {
            fake_event e = s->queue[s->head];
            s->head = (s->head + 1) % FAKE_QUEUE;
            s->length--;
            memset(data, 0, bytes);
            put64(data, 0, (uint64_t) (uintptr_t) e.device);
            put64(data, 8, e.type);
            put64(data, 16, e.data);
            if (bytes >= 32) {
                put32(data, 24, 0xFFFFFFFFu);
                put32(data, 28, 0xFFFFFFFFu);
            }
            rc = SUCCESS;
            break;
        }
        if (pthread_cond_timedwait(&events_posted, &events_lock, &deadline) == ETIMEDOUT) {
            rc = wait_fail_code ? wait_fail_code : TIMEOUT;
            break;
        }
    }
    pthread_mutex_unlock(&events_lock);
    return rc;
}

int nvmlEventSetWait(void *set, void *data, unsigned timeout_ms) {
    return wait_for(FN_nvmlEventSetWait, set, data, timeout_ms, 24);
}

#ifndef FAKE_LEGACY
int nvmlEventSetWait_v2(void *set, void *data, unsigned timeout_ms) {
    return wait_for(FN_nvmlEventSetWait_v2, set, data, timeout_ms, 32);
}
#endif

int nvmlEventSetFree(void *set) {
    __atomic_add_fetch(&fake_calls[FN_nvmlEventSetFree], 1, __ATOMIC_SEQ_CST);
    pthread_mutex_lock(&events_lock);
    fake_set *s = valid_set(set);
    if (s) {
        s->live = 0;
    }
    pthread_cond_broadcast(&events_posted);
    pthread_mutex_unlock(&events_lock);
    return s ? SUCCESS : INVALID_ARGUMENT;
}

/* ---- test hooks ---- */

/* Queues an event for every live set registered for its type on that device; returns how many. */
int fake_nvml_post_event(int device_index, unsigned long long type, unsigned long long data) {
    if (device_index < 0 || device_index >= FAKE_MAX_DEVICES) {
        return -1;
    }
    int delivered = 0;
    pthread_mutex_lock(&events_lock);
    for (int i = 0; i < FAKE_MAX_SETS; i++) {
        fake_set *s = &sets[i];
        if (s->live && (s->registered[device_index] & type) && s->length < FAKE_QUEUE) {
            s->queue[(s->head + s->length) % FAKE_QUEUE] =
                    (fake_event) {&fake_state.devices[device_index], type, data};
            s->length++;
            delivered++;
        }
    }
    pthread_cond_broadcast(&events_posted);
    pthread_mutex_unlock(&events_lock);
    return delivered;
}

/* From now on every wait answers `code` at once (after its timeout for TIMEOUT); 0 restores. */
void fake_nvml_fail_event_wait(int code) {
    pthread_mutex_lock(&events_lock);
    wait_fail_code = code;
    pthread_cond_broadcast(&events_posted);
    pthread_mutex_unlock(&events_lock);
}

/* Event sets created and not freed. */
int fake_nvml_live_event_sets(void) {
    int n = 0;
    pthread_mutex_lock(&events_lock);
    for (int i = 0; i < FAKE_MAX_SETS; i++) {
        n += sets[i].live;
    }
    pthread_mutex_unlock(&events_lock);
    return n;
}

/* ---- fault state ---- */

#define FIELD_RECOVERY_ACTION 230

/* nvmlFieldValue_t, 40 bytes: fieldId @0, scopeId @4, timestamp @8, latency @16, valueType @24,
 * nvmlReturn @28, value @32. */
int nvmlDeviceGetFieldValues(nvmlDevice_t device, int count, void *values) {
    int rc = fake_enter(FN_nvmlDeviceGetFieldValues, device);
    if (rc) {
        return rc;
    }
    if (count < 0 || (count > 0 && !values)) {
        return fake_leave(INVALID_ARGUMENT);
    }
    for (int i = 0; i < count; i++) {
        char *v = (char *) values + (size_t) i * 40;
        uint32_t field;
        memcpy(&field, v, sizeof field);
        if (field == FIELD_RECOVERY_ACTION && device->recovery_action_return == SUCCESS) {
            put32(v, 24, 1); /* unsigned int */
            put32(v, 28, SUCCESS);
            put64(v, 32, 0);
            put32(v, 32, device->recovery_action);
        } else {
            put32(v, 28, NOT_SUPPORTED);
        }
    }
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetRemappedRows(nvmlDevice_t device, unsigned *corrected, unsigned *uncorrected,
        unsigned *pending, unsigned *failure) {
    int rc = fake_enter(FN_nvmlDeviceGetRemappedRows, device);
    if (rc) {
        return rc;
    }
    *corrected = device->remapped_rows[0];
    *uncorrected = device->remapped_rows[1];
    *pending = device->remapped_rows[2];
    *failure = device->remapped_rows[3];
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetRetiredPagesPendingStatus(nvmlDevice_t device, int *pending) {
    int rc = fake_enter(FN_nvmlDeviceGetRetiredPagesPendingStatus, device);
    if (rc) {
        return rc;
    }
    *pending = (int) device->retired_pending;
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetTotalEccErrors(nvmlDevice_t device, int error_type, int counter_type,
        unsigned long long *count) {
    int rc = fake_enter(FN_nvmlDeviceGetTotalEccErrors, device);
    if (rc) {
        return rc;
    }
    *count = (error_type == 1 && counter_type == 0) ? device->ecc_uncorrected : 0;
    return fake_leave(SUCCESS);
}
