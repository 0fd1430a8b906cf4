/*
 * rbrun: the init process and job runner of every Runbox sandbox container.
 *
 * Why it exists: a container start costs ~0.3-0.6 s, a `docker exec` ~0.1 s and every
 * archive request to dockerd ~0.1 s, so the container's own main process does the work:
 * it waits on stdin for a job, writes the job's files into /box itself, runs the stages
 * (compile, run, or one per judge test) as fresh processes and reports framed output and
 * resource usage on stdout. The server still owns the deadline: it SIGKILLs the whole
 * container if this program misbehaves.
 *
 * Why it is PID 1 (instead of Docker's tini): it must reap orphans and kill every process
 * between stages, and it sets itself non-dumpable so that a program running as the same uid
 * cannot open /proc/1/fd/1 (to forge frames) or read its memory (the judge's snapshot).
 *
 * Protocol 2. Everything the server sends is a sequence of tokens "<decimal length>:<bytes>".
 * A job:
 *   "RB2", nfiles, then per file: root ("box"|"runbox"), path, mode ("644"|"755"), content;
 *   nstages, then per stage: flags, timeout_ms, cpu_ms, idle_ms, output_limit,
 *   out_files_max, out_bytes_max, nenv, env..., argc, argv..., stdin
 * Stage flags (see the F_* constants): stop the job when it fails; clean /tmp and /dev/shm
 * after it; start it from the clean snapshot of /box and /tmp/runbox; run it under a
 * pseudo-terminal; keep its stdin open for control tokens; collect /box/out afterwards.
 * While an interactive stage runs, the server may send control tokens whose first byte is
 * 'i' (input bytes), 'e' (end of input), 'k' (signal number), 'w' ("rows cols"); 'w' tokens sent
 * right behind the job apply before the program starts.
 * Frames (stdout): type(1) stage(1) length(4, big endian) payload.
 *   'h' hello ("rbrun 2"), 'b' stage began, 'o' stdout chunk, 'e' stderr chunk,
 *   'f' output file ("<n>:<name>" then the bytes), 'a' compiled file ("<n>:<path><n>:<mode>"
 *   then the bytes), 'r' stage result, 'd' job done,
 *   'x' runner fault (payload: message).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_STAGES 256
#define CHUNK 65536
/* Bytes the judge's snapshot of /box and /tmp/runbox may hold (both are small tmpfs mounts). */
#define SNAPSHOT_MAX (256L << 20)

enum {
  F_REQUIRED = 1,    /* a failure ends the job (compile) */
  F_SCRUB_AFTER = 2, /* afterwards: empty /tmp (but /tmp/runbox) and /dev/shm */
  F_FRESH = 4,       /* before: restore /box and /tmp/runbox as they were before the first fresh stage */
  F_TTY = 8,         /* the program's stdin/stdout/stderr are a pseudo-terminal */
  F_INTERACTIVE = 16,/* stdin stays open: the server streams input as control tokens */
  F_COLLECT = 32,    /* afterwards: send the regular files under /box/out as 'f' frames */
  F_ARTIFACTS = 64,  /* afterwards, if it succeeded: send the files under /tmp/runbox as 'a' frames */
};

/* What the compiled program may bring along to a fresh container (gVisor cannot lower limits). */
#define ARTIFACTS_MAX (256L << 20)

extern char **environ;

typedef struct {
  int flags;
  long timeout_ms, cpu_ms, idle_ms, output_limit, out_files_max, out_bytes_max;
  char **envp;
  int argc;
  char **argv;
  char *input;
  size_t input_len;
} stage_t;

static char *buf;
static size_t buf_len, buf_pos, buf_cap;
static int stdin_eof;

static void frame(char type, int stage, const void *data, uint32_t len) {
  unsigned char head[6] = {(unsigned char)type, (unsigned char)stage, (unsigned char)(len >> 24),
                           (unsigned char)(len >> 16), (unsigned char)(len >> 8), (unsigned char)len};
  struct { const void *p; size_t n; } parts[2] = {{head, 6}, {data, len}};
  for (int i = 0; i < 2; i++) {
    const char *p = parts[i].p;
    size_t n = parts[i].n;
    while (n > 0) {
      ssize_t w = write(1, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) _exit(3); /* the server went away: nothing left to report to */
      p += w;
      n -= (size_t)w;
    }
  }
}

static void fault(const char *msg) {
  frame('x', 0, msg, (uint32_t)strlen(msg));
  _exit(2);
}

/* ---- reading tokens ------------------------------------------------------------------ */

/* Read what stdin has (one read); 0 at end of input. */
static int read_more(void) {
  if (buf_pos > 0 && buf_pos == buf_len) buf_pos = buf_len = 0;
  if (buf_pos > 0 && buf_len == buf_cap) {
    memmove(buf, buf + buf_pos, buf_len - buf_pos);
    buf_len -= buf_pos;
    buf_pos = 0;
  }
  if (buf_len == buf_cap) {
    buf_cap = buf_cap ? buf_cap * 2 : CHUNK;
    buf = realloc(buf, buf_cap);
    if (!buf) fault("out of memory reading job");
  }
  for (;;) {
    ssize_t r = read(0, buf + buf_len, buf_cap - buf_len);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      stdin_eof = 1;
      return 0;
    }
    buf_len += (size_t)r;
    return 1;
  }
}

/* Block until at least `need` unread bytes are buffered; 0 at end of input. */
static int try_fill(size_t need) {
  while (buf_len - buf_pos < need)
    if (!read_more()) return 0;
  return 1;
}

static void fill(size_t need) {
  if (!try_fill(need)) fault("job ended early");
}

/* Length of the complete token at the read position, if one is buffered (for non-blocking use). */
static int token_ready(size_t *head, size_t *len) {
  size_t n = 0, i = buf_pos;
  for (; i < buf_len; i++) {
    char c = buf[i];
    if (c == ':') break;
    if (c < '0' || c > '9' || n > (1u << 28)) fault("bad control token");
    n = n * 10 + (size_t)(c - '0');
  }
  if (i >= buf_len || buf_len - (i + 1) < n) return 0;
  *head = i + 1 - buf_pos;
  *len = n;
  return 1;
}

/* Next token as a NUL-terminated heap string (binary-safe through *len). */
static char *token(size_t *len) {
  size_t n = 0;
  for (;;) {
    fill(1);
    char c = buf[buf_pos++];
    if (c == ':') break;
    if (c < '0' || c > '9' || n > (1u << 28)) fault("bad job token");
    n = n * 10 + (size_t)(c - '0');
  }
  fill(n);
  char *s = malloc(n + 1);
  if (!s) fault("out of memory reading job");
  memcpy(s, buf + buf_pos, n);
  s[n] = 0;
  buf_pos += n;
  if (len) *len = n;
  return s;
}

static long number(void) {
  char *s = token(NULL);
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == 0 || *end != 0 || v < 0) fault("bad job number");
  free(s);
  return v;
}

/* ---- time and resources ---------------------------------------------------------------- */

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static long cpu_ms_children(void) {
  struct rusage ru;
  getrusage(RUSAGE_CHILDREN, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000L + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000L;
}

/*
 * CPU time of the whole container in ms (every process, daemons included), from its cgroup
 * (v1 cpuacct or v2 cpu.stat); -1 when no cgroup file is readable (then rusage counts).
 */
static long cgroup_cpu_ms(void) {
  const char *v1[] = {"/sys/fs/cgroup/cpuacct/cpuacct.usage", "/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage"};
  for (int i = 0; i < 2; i++) {
    FILE *f = fopen(v1[i], "r");
    if (!f) continue;
    unsigned long long ns;
    int ok = fscanf(f, "%llu", &ns) == 1;
    fclose(f);
    if (ok) return (long)(ns / 1000000ULL);
  }
  FILE *f = fopen("/sys/fs/cgroup/cpu.stat", "r");
  if (!f) return -1;
  char key[64];
  unsigned long long v;
  long out = -1;
  while (fscanf(f, "%63s %llu", key, &v) == 2) {
    if (strcmp(key, "usage_usec") == 0) {
      out = (long)(v / 1000ULL);
      break;
    }
  }
  fclose(f);
  return out;
}

/* The memory cgroup's OOM-kill counter (cgroup v2 or v1); -1 when unreadable. */
static long oom_kills(void) {
  const char *paths[] = {"/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"};
  for (int i = 0; i < 2; i++) {
    FILE *f = fopen(paths[i], "r");
    if (!f) continue;
    char key[64];
    long v;
    while (fscanf(f, "%63s %ld", key, &v) == 2) {
      if (strcmp(key, "oom_kill") == 0) {
        fclose(f);
        return v;
      }
    }
    fclose(f);
  }
  return -1;
}

/* Kill everything the stage left behind. As PID 1, kill(-1) reaches setsid daemons too. */
static void kill_all(pid_t pgid) {
  if (pgid > 0) kill(-pgid, SIGKILL);
  if (getpid() == 1) kill(-1, SIGKILL);
}

static void reap_all(void) {
  while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
  }
}

static void set_nonblock(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

/* ---- files ------------------------------------------------------------------------------- */

/* A relative path of plain segments: no "", ".", "..", no leading "/", no NUL inside. */
static int safe_path(const char *p, size_t len) {
  if (len == 0 || len > 4096 || strlen(p) != len || p[0] == '/') return 0;
  const char *seg = p;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || p[i] == '/') {
      size_t n = (size_t)(p + i - seg);
      if (n == 0 || n > 255 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.')) return 0;
      seg = p + i + 1;
    }
  }
  return 1;
}

static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/*
 * Create `rel` under the directory `root`, making parent folders, never following a link
 * (O_NOFOLLOW on every step). Returns 0, or -1 with errno.
 */
static int put_file(int root, const char *rel, mode_t mode, const char *data, size_t len, int is_dir) {
  char path[4097];
  snprintf(path, sizeof path, "%s", rel);
  int dir = dup(root);
  if (dir < 0) return -1;
  char *seg = path;
  for (char *slash = strchr(seg, '/'); slash; slash = strchr(seg, '/')) {
    *slash = 0;
    if (mkdirat(dir, seg, 0755) != 0 && errno != EEXIST) goto fail;
    int next = openat(dir, seg, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) goto fail;
    close(dir);
    dir = next;
    seg = slash + 1;
  }
  if (is_dir) {
    int r = mkdirat(dir, seg, mode);
    if (r != 0 && errno == EEXIST) r = fchmodat(dir, seg, mode, 0);
    close(dir);
    return r;
  }
  int fd = openat(dir, seg, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) goto fail;
  int r = write_all(fd, data, len);
  int e = errno;
  close(fd);
  close(dir);
  errno = e;
  return r;
fail:
  {
    int e = errno;
    close(dir);
    errno = e;
    return -1;
  }
}

/*
 * Remove everything inside the directory `path` (not the directory itself, nor its entry
 * named `keep`), never following a link. Iterative, with one directory open at a time: a
 * program may leave thousands of nested folders (more than our open-file limit), so a
 * folder that cannot be removed has its entries moved up to the top and the pass repeats.
 */
static void empty_path(const char *path, const char *keep) {
  int top = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (top < 0) return;
  unsigned long counter = 0;
  for (int pass = 0; pass < 100000; pass++) {
    int progress = 0, remaining = 0;
    int again = dup(top);
    DIR *d = again >= 0 ? fdopendir(again) : NULL;
    if (!d) break;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      if (keep && strcmp(e->d_name, keep) == 0) continue;
      remaining++;
      if (unlinkat(top, e->d_name, 0) == 0 || unlinkat(top, e->d_name, AT_REMOVEDIR) == 0) {
        progress++;
        continue;
      }
      /* A folder that is not empty (or that a program made unreadable: we own it). */
      fchmodat(top, e->d_name, 0700, 0);
      int sub = openat(top, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      DIR *sd = sub >= 0 ? fdopendir(sub) : NULL;
      if (!sd) {
        if (sub >= 0) close(sub);
        continue;
      }
      struct dirent *c;
      while ((c = readdir(sd)) != NULL) {
        if (strcmp(c->d_name, ".") == 0 || strcmp(c->d_name, "..") == 0) continue;
        for (int tries = 0; tries < 8; tries++) {
          char name[64];
          snprintf(name, sizeof name, ".rb-%lu", counter++);
          if (renameat2(dirfd(sd), c->d_name, top, name, RENAME_NOREPLACE) == 0) {
            progress++;
            break;
          }
          if (errno != EEXIST) break;
        }
      }
      closedir(sd);
    }
    closedir(d);
    if (remaining == 0 || !progress) break;
  }
  close(top);
}

/* SysV IPC objects outlive their processes: remove every one (ours, in our IPC namespace). */
static void remove_ipc(void) {
  const char *tables[] = {"/proc/sysvipc/shm", "/proc/sysvipc/sem", "/proc/sysvipc/msg"};
  for (int t = 0; t < 3; t++) {
    FILE *f = fopen(tables[t], "r");
    if (!f) continue;
    char line[512];
    if (!fgets(line, sizeof line, f)) {
      fclose(f);
      continue;
    }
    while (fgets(line, sizeof line, f)) {
      long key, id;
      if (sscanf(line, "%ld %ld", &key, &id) != 2) continue;
      if (t == 0) shmctl((int)id, IPC_RMID, NULL);
      if (t == 1) semctl((int)id, 0, IPC_RMID);
      if (t == 2) msgctl((int)id, IPC_RMID, NULL);
    }
    fclose(f);
  }
}

/*
 * An image may ship files every run should find in /tmp (e.g. Matplotlib's font cache, which it
 * only reads from a writable folder): /opt/runbox/skel is copied into /tmp, one level of folders.
 */
static void seed_tmp(void) {
  DIR *d = opendir("/opt/runbox/skel");
  if (!d) return;
  int tmp = open("/tmp", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct dirent *e;
  while (tmp >= 0 && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    char src[512];
    snprintf(src, sizeof src, "/opt/runbox/skel/%s", e->d_name);
    DIR *sub = opendir(src);
    if (!sub) continue;
    mkdirat(tmp, e->d_name, 0755);
    struct dirent *f;
    while ((f = readdir(sub)) != NULL) {
      if (f->d_name[0] == '.') continue;
      char from[1024], to[512];
      snprintf(from, sizeof from, "%s/%s", src, f->d_name);
      snprintf(to, sizeof to, "%s/%s", e->d_name, f->d_name);
      int in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      if (in < 0) continue;
      struct stat st;
      if (fstat(in, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (8 << 20)) {
        char *data = malloc((size_t)st.st_size + 1);
        ssize_t got = data ? read(in, data, (size_t)st.st_size) : -1;
        if (got == st.st_size) put_file(tmp, to, 0644, data, (size_t)got, 0);
        free(data);
      }
      close(in);
    }
    closedir(sub);
  }
  if (tmp >= 0) close(tmp);
  closedir(d);
}

/* Everything a stage may have left outside /box and the compiler's /tmp/runbox. */
static void scrub(void) {
  empty_path("/tmp", "runbox");
  empty_path("/dev/shm", NULL);
  empty_path("/dev/mqueue", NULL);
  remove_ipc();
  seed_tmp();
}

/* ---- the judge's snapshot: /box and /tmp/runbox as the first fresh stage found them ------ */

typedef struct {
  int root; /* 0: /box, 1: /tmp/runbox */
  char *path;
  mode_t mode;
  int is_dir;
  char *data;
  size_t len;
} snap_entry;

static snap_entry *snap;
static size_t snap_n, snap_cap, snap_bytes;
static int snap_taken;

static void snap_add(int root, const char *path, mode_t mode, int is_dir, char *data, size_t len) {
  if (snap_n == snap_cap) {
    snap_cap = snap_cap ? snap_cap * 2 : 64;
    snap = realloc(snap, snap_cap * sizeof *snap);
    if (!snap) fault("out of memory taking the snapshot");
  }
  snap[snap_n++] = (snap_entry){root, strdup(path), mode, is_dir, data, len};
  snap_bytes += len + strlen(path);
  if (snap_bytes > SNAPSHOT_MAX) fault("the compiled program is too large to run several tests");
}

static void snap_dir(int root, int fd, const char *prefix, int depth) {
  if (depth > 32) fault("folders nested too deeply");
  DIR *d = fdopendir(fd);
  if (!d) fault("cannot read the work folder");
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char path[4097];
    if (snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "/" : "", e->d_name) >= (int)sizeof path) continue;
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      snap_add(root, path, st.st_mode & 0777, 1, NULL, 0);
      int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) snap_dir(root, sub, path, depth + 1);
    } else if (S_ISREG(st.st_mode)) {
      int f = openat(dirfd(d), e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      if (f < 0) continue;
      char *data = malloc((size_t)st.st_size + 1);
      if (!data) fault("out of memory taking the snapshot");
      size_t got = 0;
      while (got < (size_t)st.st_size) {
        ssize_t r = read(f, data + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
      }
      close(f);
      snap_add(root, path, st.st_mode & 0777, 0, data, got);
    }
    /* Links, fifos and sockets are not part of a program's files: left out. */
  }
  closedir(d);
}

static const char *ROOTS[2] = {"/box", "/tmp/runbox"};

/* First call: remember the tree. Later calls: wipe everything and put the tree back. */
static void fresh_state(void) {
  if (!snap_taken) {
    scrub();
    for (int r = 0; r < 2; r++) {
      int fd = open(ROOTS[r], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd >= 0) snap_dir(r, fd, "", 0);
    }
    snap_taken = 1;
    return;
  }
  empty_path("/box", NULL);
  empty_path("/tmp", NULL);
  mkdir("/tmp/runbox", 0700);
  scrub();
  int roots[2];
  for (int r = 0; r < 2; r++) roots[r] = open(ROOTS[r], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  for (size_t i = 0; i < snap_n; i++) {
    snap_entry *e = &snap[i];
    if (roots[e->root] < 0) continue;
    /* Folders first get full rights so their files can be written, then their own mode. */
    if (put_file(roots[e->root], e->path, e->is_dir ? 0700 : e->mode, e->data, e->len, e->is_dir) != 0)
      fault("cannot restore the work folder");
  }
  for (size_t i = snap_n; i-- > 0;)
    if (snap[i].is_dir && roots[snap[i].root] >= 0) fchmodat(roots[snap[i].root], snap[i].path, snap[i].mode, 0);
  for (int r = 0; r < 2; r++)
    if (roots[r] >= 0) close(roots[r]);
}

/* ---- output files: regular files under /box/out, capped ------------------------------------ */

typedef struct {
  int index;
  char kind; /* 'f': output files (name only), 'a': compiled files (name and mode) */
  long files, bytes, max_files, max_bytes, dropped;
} collect_t;

static void collect_dir(collect_t *c, int fd, const char *prefix, int depth) {
  DIR *d = fdopendir(fd);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char path[1024];
    if (snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "/" : "", e->d_name) >= (int)sizeof path) {
      c->dropped++;
      continue;
    }
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      int sub = depth < (c->kind == 'a' ? 16 : 4) ? openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
      if (sub >= 0) collect_dir(c, sub, path, depth + 1);
      else c->dropped++;
      continue;
    }
    if (!S_ISREG(st.st_mode)) continue; /* links could point anywhere: never followed */
    if (c->files >= c->max_files || st.st_size > c->max_bytes - c->bytes) {
      c->dropped++;
      continue;
    }
    int f = openat(dirfd(d), e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (f < 0) continue;
    size_t name_len = strlen(path);
    char head[32], mode[16];
    int hl = snprintf(head, sizeof head, "%zu:", name_len);
    int ml = c->kind == 'a' ? snprintf(mode, sizeof mode, "3:%s", (st.st_mode & 0111) ? "755" : "644") : 0;
    size_t start = (size_t)hl + name_len + (size_t)ml;
    size_t cap = start + (size_t)st.st_size;
    char *payload = malloc(cap);
    if (!payload) fault("out of memory collecting output files");
    memcpy(payload, head, (size_t)hl);
    memcpy(payload + hl, path, name_len);
    memcpy(payload + hl + name_len, mode, (size_t)ml);
    size_t got = start;
    while (got < cap) {
      ssize_t r = read(f, payload + got, cap - got);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += (size_t)r;
    }
    close(f);
    frame(c->kind, c->index, payload, (uint32_t)got);
    free(payload);
    c->files++;
    c->bytes += (long)(got - start);
  }
  closedir(d);
}

/* ---- running one stage ---------------------------------------------------------------------- */

/* Forward what an fd holds now; returns bytes read, 0 at EOF (or EIO of a closed pty), -1 when empty. */
static ssize_t forward(int fd, char type, int index, long *count, long limit, int *truncated) {
  static char chunk[CHUNK];
  ssize_t r = read(fd, chunk, sizeof chunk);
  if (r < 0) return errno == EIO ? 0 : -1;
  if (r == 0) return 0;
  long room = limit - *count;
  if (room < r) {
    *truncated = 1;
    if (room > 0) frame(type, index, chunk, (uint32_t)room);
    *count = limit;
  } else {
    frame(type, index, chunk, (uint32_t)r);
    *count += r;
  }
  return r;
}

typedef struct {
  int fd;         /* where the program's input goes: a pipe or the pty master; -1 once closed */
  int tty;
  char *pending;  /* bytes not yet written */
  size_t len, sent;
  int eof_wanted; /* close (pipe) or send ^D (pty) once pending is written */
} input_t;

static void input_queue(input_t *in, const char *data, size_t n) {
  if (in->fd < 0 || n == 0) return;
  if (in->sent > 0 && in->sent == in->len) in->sent = in->len = 0;
  char *p = realloc(in->pending, in->len + n);
  if (!p) fault("out of memory queueing input");
  in->pending = p;
  memcpy(in->pending + in->len, data, n);
  in->len += n;
}

static void input_close(input_t *in) {
  if (in->fd >= 0 && !in->tty) close(in->fd);
  in->fd = -1;
}

/* Write what is pending (non-blocking); then, if wanted, end the input. */
static void input_pump(input_t *in) {
  if (in->fd < 0) return;
  while (in->sent < in->len) {
    ssize_t w = write(in->fd, in->pending + in->sent, in->len - in->sent);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && errno == EAGAIN) return;
    if (w <= 0) {
      input_close(in);
      return;
    }
    in->sent += (size_t)w;
  }
  if (in->eof_wanted) {
    if (in->tty) {
      /* A terminal's end of input is the EOF character at the start of a line (^D). */
      struct termios t;
      char eof = 4;
      if (tcgetattr(in->fd, &t) == 0) eof = (char)t.c_cc[VEOF];
      if (write(in->fd, &eof, 1) == 1) in->eof_wanted = 0;
    } else {
      input_close(in);
    }
  }
}

static const int ALLOWED_SIGNALS[] = {SIGINT, SIGTERM, SIGKILL, SIGQUIT, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGSTOP, SIGCONT};

/* Control tokens of an interactive stage, as far as they are buffered. Returns activity. */
static int control(input_t *in, pid_t pid, int pty) {
  int active = 0;
  size_t head, len;
  while (buf_pos < buf_len && token_ready(&head, &len)) {
    char *t = buf + buf_pos + head;
    buf_pos += head + len;
    if (len == 0) continue;
    active = 1;
    switch (t[0]) {
      case 'i':
        input_queue(in, t + 1, len - 1);
        break;
      case 'e':
        in->eof_wanted = 1;
        break;
      case 'k': {
        char num[8] = {0};
        memcpy(num, t + 1, len - 1 < 7 ? len - 1 : 7);
        int sig = atoi(num);
        for (size_t i = 0; i < sizeof ALLOWED_SIGNALS / sizeof *ALLOWED_SIGNALS; i++)
          if (ALLOWED_SIGNALS[i] == sig) kill(-pid, sig);
        break;
      }
      case 'w': {
        char dims[32] = {0};
        memcpy(dims, t + 1, len - 1 < 31 ? len - 1 : 31);
        unsigned rows = 0, cols = 0;
        if (pty >= 0 && sscanf(dims, "%u %u", &rows, &cols) == 2 && rows > 0 && rows < 1000 && cols > 0 && cols < 1000) {
          struct winsize ws = {(unsigned short)rows, (unsigned short)cols, 0, 0};
          ioctl(pty, TIOCSWINSZ, &ws);
        }
        break;
      }
      default:
        break; /* unknown controls are ignored, so newer servers can talk to older runners */
    }
  }
  return active;
}

/* Resize tokens at the head of what is buffered (they came with the job): applied now, before
 * the program starts; any other token stays for control() once it runs. */
static void leading_resizes(int pty) {
  size_t head, len;
  while (buf_pos < buf_len && token_ready(&head, &len) && len > 0 && buf[buf_pos + head] == 'w') {
    char dims[32] = {0};
    memcpy(dims, buf + buf_pos + head + 1, len - 1 < 31 ? len - 1 : 31);
    buf_pos += head + len;
    unsigned rows = 0, cols = 0;
    if (sscanf(dims, "%u %u", &rows, &cols) == 2 && rows > 0 && rows < 1000 && cols > 0 && cols < 1000) {
      struct winsize ws = {(unsigned short)rows, (unsigned short)cols, 0, 0};
      ioctl(pty, TIOCSWINSZ, &ws);
    }
  }
}

static int run_stage(int index, stage_t *st, int sigfd) {
  int tty = (st->flags & F_TTY) != 0;
  int interactive = (st->flags & F_INTERACTIVE) != 0;
  if (st->flags & F_FRESH) fresh_state();
  if (st->flags & F_COLLECT) {
    empty_path("/box/out", NULL);
    mkdir("/box/out", 0755);
  }

  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1}, master = -1;
  char slave_name[128];
  if (tty) {
    master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 ||
        ptsname_r(master, slave_name, sizeof slave_name) != 0)
      fault("cannot open a pseudo-terminal");
    struct winsize ws = {24, 80, 0, 0};
    ioctl(master, TIOCSWINSZ, &ws);
    /* A size sent right after the job applies before the program starts: it may ask at once. */
    if (interactive) leading_resizes(master);
  } else if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
    fault("pipe failed");
  }
  long oom_before = oom_kills();
  long cpu_before = cpu_ms_children();
  long cg_before = cgroup_cpu_ms();
  long start = now_ms();
  pid_t pid = fork();
  if (pid < 0) fault("fork failed");
  if (pid == 0) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setsid();
    if (tty) {
      int slave = open(slave_name, O_RDWR);
      if (slave < 0) _exit(126);
      ioctl(slave, TIOCSCTTY, 0);
      dup2(slave, 0);
      dup2(slave, 1);
      dup2(slave, 2);
      if (slave > 2) close(slave);
    } else {
      dup2(in[0], 0);
      dup2(out[1], 1);
      dup2(err[1], 2);
    }
    struct rlimit core = {0, 0};
    setrlimit(RLIMIT_CORE, &core);
    /* Whole CPU seconds as a second line of defence behind the wall-clock and CPU limits. */
    long cpu_s = (st->cpu_ms > 0 ? st->cpu_ms : st->timeout_ms) / 1000 + 2;
    struct rlimit cpul = {(rlim_t)cpu_s, (rlim_t)cpu_s + 1};
    setrlimit(RLIMIT_CPU, &cpul);
    if (chdir("/box") != 0 && chdir("/tmp") != 0) _exit(126);
    environ = st->envp;
    execvp(st->argv[0], st->argv);
    dprintf(2, "runbox: cannot start %s: %s\n", st->argv[0], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);
  }
  frame('b', index, "", 0);
  input_t input = {-1, tty, NULL, 0, 0, 0};
  int out_fd, err_fd = -1;
  if (tty) {
    input.fd = master;
    out_fd = master;
  } else {
    close(in[0]);
    close(out[1]);
    close(err[1]);
    input.fd = in[1];
    out_fd = out[0];
    err_fd = err[0];
    set_nonblock(err_fd);
  }
  set_nonblock(out_fd);
  set_nonblock(input.fd);
  signal(SIGPIPE, SIG_IGN);
  input_queue(&input, st->input, st->input_len);
  if (!interactive) input.eof_wanted = 1;
  /* Control tokens may have arrived with the job itself (already in our buffer): poll would
   * never wake for them, so take them now. */
  if (interactive) control(&input, pid, master);
  if (interactive && stdin_eof) input.eof_wanted = 1;
  input_pump(&input);

  int out_open = 1, err_open = !tty, exited = 0, timed_out = 0, cpu_exceeded = 0, idle_exceeded = 0, truncated = 0;
  int status = 0;
  long out_count = 0, err_count = 0;
  struct rusage ru;
  memset(&ru, 0, sizeof ru);
  long deadline = start + st->timeout_ms;
  long last_activity = start;

  while (!exited) {
    struct pollfd fds[5];
    int n = 0, i_out = -1, i_err = -1, i_in = -1, i_ctl = -1;
    fds[n++] = (struct pollfd){sigfd, POLLIN, 0};
    if (out_open) { i_out = n; fds[n++] = (struct pollfd){out_fd, POLLIN, 0}; }
    if (err_open) { i_err = n; fds[n++] = (struct pollfd){err_fd, POLLIN, 0}; }
    if (input.fd >= 0 && input.sent < input.len) { i_in = n; fds[n++] = (struct pollfd){input.fd, POLLOUT, 0}; }
    if (interactive && !stdin_eof) { i_ctl = n; fds[n++] = (struct pollfd){0, POLLIN, 0}; }
    long now = now_ms();
    if (now >= deadline) {
      timed_out = 1;
      break;
    }
    if (st->idle_ms > 0 && now - last_activity >= st->idle_ms) {
      idle_exceeded = 1;
      break;
    }
    if (st->cpu_ms > 0) {
      long used = cg_before >= 0 ? cgroup_cpu_ms() - cg_before : cpu_ms_children() - cpu_before;
      if (used >= st->cpu_ms) {
        cpu_exceeded = 1;
        break;
      }
    }
    long wait = deadline - now;
    /* Check CPU time and idleness at least every 20 ms / 250 ms. */
    long cap = st->cpu_ms > 0 ? 20 : st->idle_ms > 0 ? 250 : 1000;
    if (poll(fds, (nfds_t)n, (int)(wait > cap ? cap : wait)) < 0 && errno != EINTR) fault("poll failed");
    if (i_out >= 0 && (fds[i_out].revents & (POLLIN | POLLHUP | POLLERR))) {
      ssize_t r = forward(out_fd, 'o', index, &out_count, st->output_limit, &truncated);
      if (r == 0) out_open = 0;
      if (r > 0) last_activity = now_ms();
    }
    if (i_err >= 0 && (fds[i_err].revents & (POLLIN | POLLHUP | POLLERR))) {
      ssize_t r = forward(err_fd, 'e', index, &err_count, st->output_limit, &truncated);
      if (r == 0) err_open = 0;
      if (r > 0) last_activity = now_ms();
    }
    /* Output over its cap: stop the program now rather than let it flood. */
    if (truncated) break;
    if (i_ctl >= 0 && (fds[i_ctl].revents & (POLLIN | POLLHUP | POLLERR))) {
      if (!read_more()) input.eof_wanted = 1; /* the server closed our stdin: no more input */
      if (control(&input, pid, master)) last_activity = now_ms();
    }
    if (i_in >= 0 || input.eof_wanted) input_pump(&input);
    if (fds[0].revents & POLLIN) {
      struct signalfd_siginfo si;
      while (read(sigfd, &si, sizeof si) == sizeof si) {
      }
      /* Reap everything: orphans are ours as PID 1; note the stage's own process. */
      for (;;) {
        int s;
        struct rusage r;
        pid_t w = wait4(-1, &s, WNOHANG, &r);
        if (w <= 0) break;
        if (w == pid) {
          status = s;
          ru = r;
          exited = 1;
        }
      }
    }
  }
  if (!exited) {
    kill_all(pid);
    wait4(pid, &status, 0, &ru);
  }
  long wall = now_ms() - start;
  /* The main process is gone: keep what it wrote before exiting, then end the rest. */
  for (int k = 0; k < 64 && out_open && !truncated; k++)
    if (forward(out_fd, 'o', index, &out_count, st->output_limit, &truncated) <= 0) break;
  for (int k = 0; k < 64 && err_open && !truncated; k++)
    if (forward(err_fd, 'e', index, &err_count, st->output_limit, &truncated) <= 0) break;
  kill_all(pid);
  reap_all();
  input_close(&input);
  free(input.pending);
  if (tty) close(master);
  else {
    close(out[0]);
    close(err[0]);
  }

  long files_dropped = 0, files = 0;
  if (st->flags & F_COLLECT) {
    collect_t c = {index, 'f', 0, 0, st->out_files_max, st->out_bytes_max, 0};
    int fd = open("/box/out", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) collect_dir(&c, fd, "", 0);
    files_dropped = c.dropped;
    files = c.files;
  }
  int clean = exited && WIFEXITED(status) && WEXITSTATUS(status) == 0 && !timed_out && !cpu_exceeded && !truncated;
  long artifacts_dropped = 0;
  if ((st->flags & F_ARTIFACTS) && clean) {
    collect_t c = {index, 'a', 0, 0, 100000, ARTIFACTS_MAX, 0};
    int fd = open("/tmp/runbox", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) collect_dir(&c, fd, "", 0);
    artifacts_dropped = c.dropped;
  }
  if (st->flags & F_SCRUB_AFTER) scrub();

  long oom_after = oom_kills();
  int oom = oom_before >= 0 && oom_after > oom_before;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  long cpu = cg_before >= 0 ? cgroup_cpu_ms() - cg_before : cpu_ms_children() - cpu_before;
  char result[512];
  int len = snprintf(result, sizeof result,
                     "exit=%d signal=%d wall_ms=%ld cpu_ms=%ld maxrss_kb=%ld timed_out=%d cpu_exceeded=%d "
                     "idle_exceeded=%d truncated=%d oom=%d files=%ld files_dropped=%ld artifacts_dropped=%ld",
                     code, sig, wall, cpu < 0 ? 0 : cpu, ru.ru_maxrss, timed_out, cpu_exceeded, idle_exceeded,
                     truncated, oom, files, files_dropped, artifacts_dropped);
  frame('r', index, result, (uint32_t)len);
  return code == 0 && sig == 0 && !timed_out && !cpu_exceeded && !idle_exceeded && !truncated;
}

/* ---- one job --------------------------------------------------------------------------------- */

static char **string_list(long max, const char *what) {
  long n = number();
  if (n > max) fault(what);
  char **list = calloc((size_t)n + 1, sizeof *list);
  if (!list) fault("out of memory reading job");
  for (long i = 0; i < n; i++) list[i] = token(NULL);
  return list;
}

static void free_list(char **list) {
  for (char **p = list; p && *p; p++) free(*p);
  free(list);
}

static void run_job(int sigfd) {
  char *magic;
  /* Control tokens that arrived after an interactive stage ended are stale: skip them. */
  for (;;) {
    size_t len;
    magic = token(&len);
    if (len > 0 && strchr("iekw", magic[0]) && strcmp(magic, "RB2") != 0) {
      free(magic);
      continue;
    }
    break;
  }
  if (strcmp(magic, "RB2") != 0) fault("unknown job version (this runner speaks protocol 2)");
  free(magic);

  long nfiles = number();
  if (nfiles > 100000) fault("too many files");
  int box = open("/box", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  int runbox = open("/tmp/runbox", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  for (long i = 0; i < nfiles; i++) {
    size_t plen, clen;
    char *root = token(NULL);
    char *path = token(&plen);
    char *mode = token(NULL);
    char *content = token(&clen);
    if (!safe_path(path, plen)) fault("bad file name");
    mode_t m = strcmp(mode, "755") == 0 ? 0755 : 0644;
    int dir = strcmp(root, "runbox") == 0 ? runbox : box;
    if (dir < 0 || put_file(dir, path, m, content, clen, 0) != 0) {
      char msg[160];
      snprintf(msg, sizeof msg, "cannot write a file into /box: %s", errno == ENOSPC ? "the work folder is full" : strerror(errno));
      fault(msg);
    }
    free(root);
    free(path);
    free(mode);
    free(content);
  }
  if (box >= 0) close(box);
  if (runbox >= 0) close(runbox);

  long nstages = number();
  if (nstages < 1 || nstages > MAX_STAGES) fault("bad stage count");
  stage_t *stages = calloc((size_t)nstages, sizeof *stages);
  if (!stages) fault("out of memory reading job");
  for (long s = 0; s < nstages; s++) {
    stage_t *st = &stages[s];
    st->flags = (int)number();
    st->timeout_ms = number();
    st->cpu_ms = number();
    st->idle_ms = number();
    st->output_limit = number();
    st->out_files_max = number();
    st->out_bytes_max = number();
    st->envp = string_list(4096, "too many environment variables");
    st->argv = string_list(65536, "bad argument count");
    for (st->argc = 0; st->argv[st->argc]; st->argc++) {
    }
    if (st->argc < 1) fault("bad argument count");
    st->input = token(&st->input_len);
    /* Only the last stage may stream input: the rest of stdin belongs to it. */
    if ((st->flags & F_INTERACTIVE) && s != nstages - 1) fault("only the last stage may be interactive");
  }
  for (long s = 0; s < nstages; s++) {
    if (!run_stage((int)s, &stages[s], sigfd) && (stages[s].flags & F_REQUIRED)) break;
  }
  for (long s = 0; s < nstages; s++) {
    free_list(stages[s].envp);
    free_list(stages[s].argv);
    free(stages[s].input);
  }
  free(stages);
}

int main(void) {
  /* Non-dumpable: programs of the same uid cannot open /proc/<us>/fd, read our memory or ptrace us. */
  prctl(PR_SET_DUMPABLE, 0);
  if (getpid() != 1) prctl(PR_SET_CHILD_SUBREAPER, 1);
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGCHLD);
  sigprocmask(SIG_BLOCK, &mask, NULL);
  int sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
  if (sigfd < 0) fault("signalfd failed");
  frame('h', 0, "rbrun 2", 7);

  /* Compilers write their output under /tmp/runbox; the root filesystem is read-only. */
  mkdir("/tmp/runbox", 0700);
  seed_tmp();
  /* One job after another (e.g. compile, then the run after the server lowered the memory
   * limit) until the server closes stdin. */
  while (try_fill(1)) {
    run_job(sigfd);
    frame('d', 0, "", 0);
  }
  return 0;
}
