/*
 * Device queries of the fake NVML: names, memory, utilisation, encoder and process lists, with
 * NVML's struct layouts written byte by byte at the documented x86-64 offsets.
 */
#include "fake_nvml.h"

#include <stdint.h>
#include <string.h>

static void put32(void *base, size_t offset, uint32_t value) {
    memcpy((char *) base + offset, &value, sizeof value);
}

static void put64(void *base, size_t offset, uint64_t value) {
    memcpy((char *) base + offset, &value, sizeof value);
}

static int text(int fn, nvmlDevice_t device, const char *(*field)(const fake_device *),
        char *buffer, unsigned length) {
    int rc = fake_enter(fn, device);
    if (rc) {
        return rc;
    }
    const char *value = field(device);
    if (!buffer) {
        return fake_leave(INVALID_ARGUMENT);
    }
    if (strlen(value) + 1 > length) {
        return fake_leave(INSUFFICIENT_SIZE);
    }
    strcpy(buffer, value);
    return fake_leave(SUCCESS);
}

static const char *name_of(const fake_device *d) { return d->name; }
static const char *uuid_of(const fake_device *d) { return d->uuid; }

int nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned length) {
    return text(FN_nvmlDeviceGetName, device, name_of, name, length);
}

int nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned length) {
    return text(FN_nvmlDeviceGetUUID, device, uuid_of, uuid, length);
}

/* nvmlMemory_t: total @0, free @8, used @16; v1 "used" includes the reserved memory. */
int nvmlDeviceGetMemoryInfo(nvmlDevice_t device, void *memory) {
    int rc = fake_enter(FN_nvmlDeviceGetMemoryInfo, device);
    if (rc) {
        return rc;
    }
    put64(memory, 0, device->memory_total);
    put64(memory, 8, device->memory_free);
    put64(memory, 16, device->memory_used + device->memory_reserved);
    return fake_leave(SUCCESS);
}

#ifndef FAKE_LEGACY
/* nvmlMemory_v2_t: version @0, total @8, reserved @16, free @24, used @32. */
int nvmlDeviceGetMemoryInfo_v2(nvmlDevice_t device, void *memory) {
    int rc = fake_enter(FN_nvmlDeviceGetMemoryInfo_v2, device);
    if (rc) {
        return rc;
    }
    uint32_t version;
    memcpy(&version, memory, sizeof version);
    if (version != MEMORY_V2_VERSION) {
        return fake_leave(ARGUMENT_VERSION_MISMATCH);
    }
    put64(memory, 8, device->memory_total);
    put64(memory, 16, device->memory_reserved);
    put64(memory, 24, device->memory_free);
    put64(memory, 32, device->memory_used);
    return fake_leave(SUCCESS);
}
#endif

int nvmlDeviceGetUtilizationRates(nvmlDevice_t device, void *utilization) {
    int rc = fake_enter(FN_nvmlDeviceGetUtilizationRates, device);
    if (rc) {
        return rc;
    }
    put32(utilization, 0, device->utilization_gpu);
    put32(utilization, 4, device->utilization_memory);
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetTemperature(nvmlDevice_t device, int sensor, unsigned *temperature) {
    int rc = fake_enter(FN_nvmlDeviceGetTemperature, device);
    if (rc) {
        return rc;
    }
    if (sensor != 0) {
        return fake_leave(INVALID_ARGUMENT);
    }
    *temperature = device->temperature;
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned *milliwatts) {
    int rc = fake_enter(FN_nvmlDeviceGetPowerUsage, device);
    if (rc) {
        return rc;
    }
    *milliwatts = device->power_mw;
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetEncoderStats(nvmlDevice_t device, unsigned *count, unsigned *fps,
        unsigned *latency) {
    int rc = fake_enter(FN_nvmlDeviceGetEncoderStats, device);
    if (rc) {
        return rc;
    }
    *count = device->encoder_count;
    *fps = device->encoder_fps;
    *latency = device->encoder_latency;
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetEncoderCapacity(nvmlDevice_t device, int type, unsigned *capacity) {
    int rc = fake_enter(FN_nvmlDeviceGetEncoderCapacity, device);
    if (rc) {
        return rc;
    }
    if (type < 0 || type > 2) {
        return fake_leave(INVALID_ARGUMENT);
    }
    *capacity = device->encoder_capacity[type];
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetEncoderUtilization(nvmlDevice_t device, unsigned *utilization,
        unsigned *period) {
    int rc = fake_enter(FN_nvmlDeviceGetEncoderUtilization, device);
    if (rc) {
        return rc;
    }
    *utilization = device->encoder_utilization;
    *period = device->encoder_period;
    return fake_leave(SUCCESS);
}

/* nvmlEncoderSessionInfo_t: 8 x u32, 32 bytes. */
int nvmlDeviceGetEncoderSessions(nvmlDevice_t device, unsigned *count, void *infos) {
    int rc = fake_enter(FN_nvmlDeviceGetEncoderSessions, device);
    if (rc) {
        return rc;
    }
    unsigned n = (unsigned) device->session_count;
    if (!count) {
        return fake_leave(INVALID_ARGUMENT);
    }
    if (*count < n || (n > 0 && !infos)) {
        *count = n;
        return fake_leave(n == 0 ? SUCCESS : INSUFFICIENT_SIZE);
    }
    for (unsigned i = 0; i < n; i++) {
        for (int f = 0; f < 8; f++) {
            put32(infos, i * 32 + f * 4, device->sessions[i].values[f]);
        }
    }
    *count = n;
    return fake_leave(SUCCESS);
}

/* Adds `growth` processes after each call, so a caller sees the list change between calls. */
static void grow(fake_process *list, int *count, int growth) {
    for (int i = 0; i < growth && *count < FAKE_MAX_PROCESSES; i++) {
        list[*count].pid = 900000u + (unsigned) *count;
        list[*count].used_memory = 1048576ULL * (unsigned) (*count + 1);
        (*count)++;
    }
}

/*
 * Process records: v1 16 bytes (pid @0, usedGpuMemory @8), v2 24 bytes (+ gpuInstanceId @16,
 * computeInstanceId @20), detail 32 bytes (+ usedGpuCcProtectedMemory @24).
 */
static int processes(int fn, nvmlDevice_t device, int graphics, size_t stride,
        unsigned *count, void *infos) {
    int rc = fake_enter(fn, device);
    if (rc) {
        return rc;
    }
    fake_process *list = graphics ? device->graphics : device->compute;
    int *size = graphics ? &device->graphics_count : &device->compute_count;
    unsigned n = (unsigned) *size;
    if (!count) {
        return fake_leave(INVALID_ARGUMENT);
    }
    if (*count < n || (n > 0 && !infos)) {
        *count = n;
        grow(list, size, device->process_growth);
        return fake_leave(INSUFFICIENT_SIZE);
    }
    memset(infos, 0, stride * n);
    for (unsigned i = 0; i < n; i++) {
        char *record = (char *) infos + i * stride;
        put32(record, 0, list[i].pid);
        put64(record, 8, list[i].used_memory);
        if (stride >= 24) {
            put32(record, 16, 0xFFFFFFFFu);
            put32(record, 20, 0xFFFFFFFFu);
        }
    }
    *count = n;
    grow(list, size, device->process_growth);
    return fake_leave(SUCCESS);
}

int nvmlDeviceGetComputeRunningProcesses(nvmlDevice_t d, unsigned *count, void *infos) {
    return processes(FN_nvmlDeviceGetComputeRunningProcesses, d, 0, 16, count, infos);
}

int nvmlDeviceGetGraphicsRunningProcesses(nvmlDevice_t d, unsigned *count, void *infos) {
    return processes(FN_nvmlDeviceGetGraphicsRunningProcesses, d, 1, 16, count, infos);
}

#ifndef FAKE_LEGACY
#ifdef FAKE_STRIDE32
#define V3_STRIDE 32
#else
#define V3_STRIDE 24
#endif

int nvmlDeviceGetComputeRunningProcesses_v2(nvmlDevice_t d, unsigned *count, void *infos) {
    return processes(FN_nvmlDeviceGetComputeRunningProcesses_v2, d, 0, 24, count, infos);
}

int nvmlDeviceGetGraphicsRunningProcesses_v2(nvmlDevice_t d, unsigned *count, void *infos) {
    return processes(FN_nvmlDeviceGetGraphicsRunningProcesses_v2, d, 1, 24, count, infos);
}

int nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t d, unsigned *count, void *infos) {
    return processes(FN_nvmlDeviceGetComputeRunningProcesses_v3, d, 0, V3_STRIDE, count, infos);
}

int nvmlDeviceGetGraphicsRunningProcesses_v3(nvmlDevice_t d, unsigned *count, void *infos) {
    return processes(FN_nvmlDeviceGetGraphicsRunningProcesses_v3, d, 1, V3_STRIDE, count, infos);
}

/* Present only so the stride rule can see the symbols; the probe never calls them. */
int nvmlDeviceGetConfComputeMemSizeInfo(nvmlDevice_t device, void *info) {
    (void) info;
    int rc = fake_enter(FN_nvmlDeviceGetConfComputeMemSizeInfo, device);
    return rc ? rc : fake_leave(NOT_SUPPORTED);
}

#ifndef FAKE_STRIDE32
int nvmlDeviceGetRunningProcessDetailList(nvmlDevice_t device, void *list) {
    (void) list;
    int rc = fake_enter(FN_nvmlDeviceGetRunningProcessDetailList, device);
    return rc ? rc : fake_leave(NOT_SUPPORTED);
}
#endif
#endif
