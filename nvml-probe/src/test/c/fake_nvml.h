/*
 * A fake libnvidia-ml for the nvml-probe tests: the NVML entry points the probe binds, backed
 * by a control file the tests write. Only the ABI matters here (return codes, struct layouts,
 * symbol names), so the fake keeps its data in plain arrays.
 */
#ifndef FAKE_NVML_H
#define FAKE_NVML_H

#define FAKE_MAX_DEVICES 16
#define FAKE_MAX_PROCESSES 256
#define FAKE_MAX_SESSIONS 32
#define FAKE_TEXT 128

/* Every entry point, so calls can be counted, failed or delayed by name. */
#define FAKE_FUNCTIONS(X) \
    X(nvmlInit) X(nvmlInit_v2) X(nvmlShutdown) \
    X(nvmlSystemGetDriverVersion) X(nvmlSystemGetNVMLVersion) \
    X(nvmlDeviceGetCount) X(nvmlDeviceGetCount_v2) \
    X(nvmlDeviceGetHandleByIndex) X(nvmlDeviceGetHandleByIndex_v2) \
    X(nvmlDeviceGetName) X(nvmlDeviceGetUUID) \
    X(nvmlDeviceGetMemoryInfo) X(nvmlDeviceGetMemoryInfo_v2) \
    X(nvmlDeviceGetUtilizationRates) X(nvmlDeviceGetTemperature) X(nvmlDeviceGetPowerUsage) \
    X(nvmlDeviceGetEncoderStats) X(nvmlDeviceGetEncoderCapacity) \
    X(nvmlDeviceGetEncoderUtilization) X(nvmlDeviceGetEncoderSessions) \
    X(nvmlDeviceGetComputeRunningProcesses) X(nvmlDeviceGetComputeRunningProcesses_v2) \
    X(nvmlDeviceGetComputeRunningProcesses_v3) \
    X(nvmlDeviceGetGraphicsRunningProcesses) X(nvmlDeviceGetGraphicsRunningProcesses_v2) \
    X(nvmlDeviceGetGraphicsRunningProcesses_v3) \
    X(nvmlDeviceGetConfComputeMemSizeInfo) X(nvmlDeviceGetRunningProcessDetailList) \
    X(nvmlEventSetCreate) X(nvmlDeviceRegisterEvents) X(nvmlDeviceGetSupportedEventTypes) \
    X(nvmlEventSetWait) X(nvmlEventSetWait_v2) X(nvmlEventSetFree) \
    X(nvmlDeviceGetFieldValues) X(nvmlDeviceGetRemappedRows) \
    X(nvmlDeviceGetRetiredPagesPendingStatus) X(nvmlDeviceGetTotalEccErrors)

#define FAKE_ENUM(name) FN_##name,
enum fake_fn { FAKE_FUNCTIONS(FAKE_ENUM) FN_COUNT };
#undef FAKE_ENUM

extern const char *const fake_fn_names[FN_COUNT];

typedef struct {
    unsigned pid;
    unsigned long long used_memory; /* all ones = NVML_VALUE_NOT_AVAILABLE */
} fake_process;

typedef struct {
    unsigned values[8]; /* sessionId, pid, vgpuInstance, codecType, hRes, vRes, fps, latency */
} fake_session;

typedef struct {
    char name[FAKE_TEXT];
    char uuid[FAKE_TEXT];
    unsigned long long memory_total, memory_free, memory_used, memory_reserved;
    unsigned utilization_gpu, utilization_memory, temperature, power_mw;
    unsigned encoder_count, encoder_fps, encoder_latency;
    unsigned encoder_utilization, encoder_period, encoder_capacity[3];
    fake_session sessions[FAKE_MAX_SESSIONS];
    int session_count;
    fake_process compute[FAKE_MAX_PROCESSES];
    int compute_count;
    fake_process graphics[FAKE_MAX_PROCESSES];
    int graphics_count;
    int process_growth; /* each process-list call adds this many processes (the list "grows") */
    unsigned long long supported_events; /* nvmlDeviceGetSupportedEventTypes */
    unsigned recovery_action;   /* NVML field 230 */
    int recovery_action_return; /* the field's own nvmlReturn */
    unsigned remapped_rows[4];  /* corrected, uncorrected, pending, failure occurred */
    unsigned retired_pending;   /* nvmlDeviceGetRetiredPagesPendingStatus */
    unsigned long long ecc_uncorrected; /* volatile uncorrected ECC errors */
    int returns[FN_COUNT]; /* forced return code per function, -1 for none */
} fake_device;

typedef struct {
    int device_count;
    char driver_version[FAKE_TEXT];
    char nvml_version[FAKE_TEXT];
    int init_return;
    long long fail_after_calls; /* -1: never */
    int fail_code;
    int returns[FN_COUNT];   /* forced return code per function for every device, -1 for none */
    int hang_ms[FN_COUNT];   /* sleep before answering */
    int hang_count;          /* how many calls hang; -1 for all */
    fake_device devices[FAKE_MAX_DEVICES];
} fake_control;

#define SUCCESS 0
#define UNINITIALIZED 1
#define INVALID_ARGUMENT 2
#define NOT_SUPPORTED 3
#define INSUFFICIENT_SIZE 7
#define TIMEOUT 10
#define ARGUMENT_VERSION_MISMATCH 25
#define MEMORY_V2_VERSION 0x02000028u

typedef fake_device *nvmlDevice_t;

/* The fake's state; guarded by the lock fake_enter takes. */
extern fake_control fake_state;
/* Calls per function since the last reset. */
extern long long fake_calls[FN_COUNT];

/*
 * Counts, delays and checks a call to function fn (on device, if not NULL). Returns the code
 * to answer with; on SUCCESS the state lock stays held until fake_leave(rc) returns rc.
 */
int fake_enter(int fn, const fake_device *device);
int fake_leave(int rc);

/* Applies one control-file line (key, value) to *control. */
void fake_parse_line(fake_control *control, const char *key, const char *value);

/* Fills *control from text in the control-file format (see fake_nvml_control.c). */
void fake_parse_control(const char *text, fake_control *control);

#endif
