/*
 * rbrun: the init process and job runner of every Runbox sandbox container.
 *
 * Why it exists: a container start costs ~0.6 s and a `docker exec` ~0.15 s, so
 * the container's own main process runs the job. It waits on stdin for one job,
 * runs its stages (compile, run, or one per judge test) as fresh processes and
 * reports framed output and resource usage on stdout. The server still owns the
 * deadline: it SIGKILLs the whole container if this program misbehaves.
 *
 * Why it is PID 1 (instead of Docker's tini): it must reap orphans, and it sets
 * itself non-dumpable so that a program running as the same uid cannot open
 * /proc/1/fd/1 and forge frames on the container's stdout.
 *
 * Job (stdin), a sequence of tokens "<decimal length>:<bytes>":
 *   "RB1", nenv, env..., nstages, then per stage:
 *   required(0|1), timeout_ms, output_limit_bytes, argc, argv..., stdin
 * Frames (stdout): type(1) stage(1) length(4, big endian) payload.
 *   'h' hello, 'o' stdout chunk, 'e' stderr chunk, 'r' stage result, 'd' done,
 *   'x' runner fault (payload: message).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_STAGES 256
#define CHUNK 65536

extern char **environ;

typedef struct {
  int required;
  long timeout_ms;
  long output_limit;
  int argc;
  char **argv;
  char *input;
  size_t input_len;
} stage_t;

static char *buf;
static size_t buf_len, buf_pos, buf_cap;

static void frame(char type, int stage, const void *data, uint32_t len) {
  unsigned char head[6] = {(unsigned char)type, (unsigned char)stage, (unsigned char)(len >> 24),
                           (unsigned char)(len >> 16), (unsigned char)(len >> 8), (unsigned char)len};
  struct iovec_like { const void *p; size_t n; } parts[2] = {{head, 6}, {data, len}};
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

/* Read stdin until at least `need` unread bytes are buffered; 0 at end of input. */
static int try_fill(size_t need) {
  while (buf_len - buf_pos < need) {
    if (buf_pos > 0 && buf_pos == buf_len) buf_pos = buf_len = 0;
    if (buf_len == buf_cap) {
      buf_cap = buf_cap ? buf_cap * 2 : CHUNK;
      buf = realloc(buf, buf_cap);
      if (!buf) fault("out of memory reading job");
    }
    ssize_t r = read(0, buf + buf_len, buf_cap - buf_len);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return 0;
    buf_len += (size_t)r;
  }
  return 1;
}

static void fill(size_t need) {
  if (!try_fill(need)) fault("job ended early");
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

/* Forward what a pipe holds now; returns bytes read, 0 at EOF, -1 when empty. */
static ssize_t forward(int fd, char type, int index, long *count, long limit, int *truncated) {
  static char chunk[CHUNK];
  ssize_t r = read(fd, chunk, sizeof chunk);
  if (r < 0) return -1;
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

static int run_stage(int index, stage_t *st, char **envp, int sigfd) {
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) fault("pipe failed");
  long oom_before = oom_kills();
  long cpu_before = cpu_ms_children();
  long start = now_ms();
  pid_t pid = fork();
  if (pid < 0) fault("fork failed");
  if (pid == 0) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setsid();
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    struct rlimit core = {0, 0};
    setrlimit(RLIMIT_CORE, &core);
    /* CPU seconds as a second line of defence behind the wall-clock deadline. */
    rlim_t cpu = (rlim_t)(st->timeout_ms / 1000 + 2);
    struct rlimit cpul = {cpu, cpu + 1};
    setrlimit(RLIMIT_CPU, &cpul);
    if (chdir("/box") != 0 && chdir("/tmp") != 0) _exit(126);
    environ = envp;
    execvp(st->argv[0], st->argv);
    dprintf(2, "runbox: cannot start %s: %s\n", st->argv[0], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  set_nonblock(in[1]);
  set_nonblock(out[0]);
  set_nonblock(err[0]);
  signal(SIGPIPE, SIG_IGN);

  size_t sent = 0;
  int in_open = 1, out_open = 1, err_open = 1, exited = 0, timed_out = 0, truncated = 0;
  int status = 0;
  long out_count = 0, err_count = 0;
  struct rusage ru;
  memset(&ru, 0, sizeof ru);
  long deadline = start + st->timeout_ms;
  if (st->input_len == 0) {
    close(in[1]);
    in_open = 0;
  }

  while (!exited) {
    struct pollfd fds[4];
    int n = 0, i_out = -1, i_err = -1, i_in = -1;
    fds[n] = (struct pollfd){sigfd, POLLIN, 0};
    n++;
    if (out_open) { i_out = n; fds[n++] = (struct pollfd){out[0], POLLIN, 0}; }
    if (err_open) { i_err = n; fds[n++] = (struct pollfd){err[0], POLLIN, 0}; }
    if (in_open) { i_in = n; fds[n++] = (struct pollfd){in[1], POLLOUT, 0}; }
    long wait = deadline - now_ms();
    if (wait <= 0) {
      timed_out = 1;
      kill_all(pid);
      wait4(pid, &status, 0, &ru);
      break;
    }
    if (poll(fds, (nfds_t)n, (int)(wait > 1000 ? 1000 : wait)) < 0 && errno != EINTR) fault("poll failed");
    if (i_out >= 0 && (fds[i_out].revents & (POLLIN | POLLHUP))) {
      if (forward(out[0], 'o', index, &out_count, st->output_limit, &truncated) == 0) out_open = 0;
    }
    if (i_err >= 0 && (fds[i_err].revents & (POLLIN | POLLHUP))) {
      if (forward(err[0], 'e', index, &err_count, st->output_limit, &truncated) == 0) err_open = 0;
    }
    if (truncated) {
      /* Output over its cap: stop the program now rather than let it flood. */
      kill_all(pid);
      wait4(pid, &status, 0, &ru);
      break;
    }
    if (i_in >= 0 && (fds[i_in].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = write(in[1], st->input + sent, st->input_len - sent);
      if (w > 0) sent += (size_t)w;
      if ((w < 0 && errno != EAGAIN) || sent >= st->input_len) {
        close(in[1]);
        in_open = 0;
      }
    }
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
  long wall = now_ms() - start;
  /* The main process is gone: keep what it wrote before exiting, then end the rest. */
  for (int k = 0; k < 64 && out_open && !truncated; k++)
    if (forward(out[0], 'o', index, &out_count, st->output_limit, &truncated) <= 0) break;
  for (int k = 0; k < 64 && err_open && !truncated; k++)
    if (forward(err[0], 'e', index, &err_count, st->output_limit, &truncated) <= 0) break;
  kill_all(pid);
  reap_all();
  if (in_open) close(in[1]);
  close(out[0]);
  close(err[0]);

  long oom_after = oom_kills();
  int oom = oom_before >= 0 && oom_after > oom_before;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  char result[256];
  int len = snprintf(result, sizeof result,
                     "exit=%d signal=%d wall_ms=%ld cpu_ms=%ld maxrss_kb=%ld timed_out=%d truncated=%d oom=%d",
                     code, sig, wall, cpu_ms_children() - cpu_before, ru.ru_maxrss, timed_out, truncated, oom);
  frame('r', index, result, (uint32_t)len);
  return code == 0 && sig == 0 && !timed_out && !truncated;
}

static void run_job(int sigfd) {
  char *magic = token(NULL);
  if (strcmp(magic, "RB1") != 0) fault("unknown job version");
  long nenv = number();
  if (nenv > 4096) fault("too many environment variables");
  char **envp = calloc((size_t)nenv + 1, sizeof *envp);
  for (long i = 0; i < nenv; i++) envp[i] = token(NULL);
  long nstages = number();
  if (nstages < 1 || nstages > MAX_STAGES) fault("bad stage count");
  stage_t *stages = calloc((size_t)nstages, sizeof *stages);
  for (long s = 0; s < nstages; s++) {
    stage_t *st = &stages[s];
    st->required = (int)number();
    st->timeout_ms = number();
    st->output_limit = number();
    st->argc = (int)number();
    if (st->argc < 1 || st->argc > 65536) fault("bad argument count");
    st->argv = calloc((size_t)st->argc + 1, sizeof *st->argv);
    for (int a = 0; a < st->argc; a++) st->argv[a] = token(NULL);
    st->input = token(&st->input_len);
  }
  for (long s = 0; s < nstages; s++) {
    if (!run_stage((int)s, &stages[s], envp, sigfd) && stages[s].required) break;
  }
  for (long s = 0; s < nstages; s++) {
    for (int a = 0; a < stages[s].argc; a++) free(stages[s].argv[a]);
    free(stages[s].argv);
    free(stages[s].input);
  }
  free(stages);
  for (long i = 0; i < nenv; i++) free(envp[i]);
  free(envp);
  free(magic);
}

int main(void) {
  /* Non-dumpable: programs of the same uid cannot open /proc/<us>/fd or ptrace us. */
  prctl(PR_SET_DUMPABLE, 0);
  if (getpid() != 1) prctl(PR_SET_CHILD_SUBREAPER, 1);
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGCHLD);
  sigprocmask(SIG_BLOCK, &mask, NULL);
  int sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
  if (sigfd < 0) fault("signalfd failed");
  frame('h', 0, "rbrun 1", 7);

  /* Compilers write their output under /tmp/runbox; the root filesystem is read-only. */
  mkdir("/tmp/runbox", 0700);
  /* One job after another (e.g. compile, then the run after the server lowered the memory
   * limit) until the server closes stdin. */
  while (try_fill(1)) {
    run_job(sigfd);
    frame('d', 0, "", 0);
  }
  return 0;
}
