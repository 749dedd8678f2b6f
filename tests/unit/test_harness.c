/*
 * The harness tests itself: a failing CHECK must count as a failure and a
 * case with no checks must not pass. Runs the harness in a child process
 * (fork) so the deliberate failures do not count against the suite.
 */
#include "harness.h"

#include <sys/wait.h>
#include <unistd.h>

static void failing_case(void)
{
	CHECK_INT(1 + 1, 3);
}

static void empty_case(void)
{
}

static void passing_case(void)
{
	CHECK_STR("a", "a");
}

/* Run fn as the only case of a fresh harness in a child; return its exit. */
static int run_in_child(void (*fn)(void), char *out, size_t cap)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		h_passed = h_failed = h_skipped = 0;
		h_begin("child");
		fn();
		h_end();
		int rc = h_done();
		fflush(stdout);
		_exit(rc);
	}
	close(fds[1]);
	size_t n = 0;
	ssize_t r;
	while (n + 1 < cap && (r = read(fds[0], out + n, cap - 1 - n)) > 0)
		n += (size_t)r;
	out[n] = '\0';
	close(fds[0]);
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_failure_is_counted(void)
{
	char out[1024];
	CHECK_INT(run_in_child(failing_case, out, sizeof(out)), 1);
	CHECK(strstr(out, "0 passed, 1 failed") != NULL);
	CHECK(strstr(out, "got 2, want 3") != NULL);
}

static void test_empty_case_fails(void)
{
	char out[1024];
	CHECK_INT(run_in_child(empty_case, out, sizeof(out)), 1);
	CHECK(strstr(out, "checked nothing") != NULL);
}

static void test_pass_is_counted(void)
{
	char out[1024];
	CHECK_INT(run_in_child(passing_case, out, sizeof(out)), 0);
	CHECK(strstr(out, "1 passed, 0 failed") != NULL);
}

int main(void)
{
	RUN(test_failure_is_counted);
	RUN(test_empty_case_fails);
	RUN(test_pass_is_counted);
	return h_done();
}
