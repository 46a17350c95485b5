// Sends WM_DELETE_WINDOW to every top-level window named "Job Gate": what a window manager's close button does
// (Xvfb has no window manager). Built by run.sh; the tests close the app the way a person does.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <string.h>
static int sent = 0;
static void walk(Display *d, Window w, Atom proto, Atom del) {
  char *name = NULL;
  if (XFetchName(d, w, &name) && name) {
    if (strcmp(name, "Job Gate") == 0) {
      XEvent e; memset(&e, 0, sizeof e);
      e.xclient.type = ClientMessage; e.xclient.window = w; e.xclient.message_type = proto;
      e.xclient.format = 32; e.xclient.data.l[0] = del; e.xclient.data.l[1] = CurrentTime;
      XSendEvent(d, w, False, NoEventMask, &e); sent++;
    }
    XFree(name);
  }
  Window root, parent, *kids; unsigned n;
  if (XQueryTree(d, w, &root, &parent, &kids, &n)) {
    for (unsigned i = 0; i < n; i++) walk(d, kids[i], proto, del);
    if (kids) XFree(kids);
  }
}
int main(void) {
  Display *d = XOpenDisplay(NULL);
  if (!d) { fprintf(stderr, "no display\n"); return 1; }
  walk(d, DefaultRootWindow(d), XInternAtom(d, "WM_PROTOCOLS", False), XInternAtom(d, "WM_DELETE_WINDOW", False));
  XFlush(d); XCloseDisplay(d);
  printf("sent %d\n", sent);
  return sent ? 0 : 2;
}
