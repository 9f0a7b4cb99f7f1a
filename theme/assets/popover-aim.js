/*
  Marginalia — aiming at an open popover.

  A pointer that leaves a trigger for its box may cross other triggers on
  the way (a mention on the next line, a term). Timers alone cannot tell
  that crossing from a reader who has stopped on the other trigger: a slow
  hand, or a busy machine, makes any delay too short. So, as menus do, the
  popover asks where the pointer is heading: while each move keeps it in a
  cone from the point where it left the trigger towards the near edge of the
  box, it is aiming at the box, and nothing it crosses takes over.

  M.aim(box, from, to, restMs, onEnd): the pointer was last on its trigger
  at `from` and has moved to `to`. Unless that first move already heads
  elsewhere (then it returns null), it watches the moves that follow and
  returns a stop function. onEnd(resting) runs once: false when a move leaves the cone,
  true when the pointer has rested in it for restMs without reaching the
  box (a reader who stopped half way may want what lies under the pointer).
*/
(function () {
  'use strict';

  var M = window.Marginalia = window.Marginalia || {};

  // Slack in px around the box, and how far behind the point where the
  // pointer left its trigger the cone starts: a hand wobbles.
  var SLACK = 12;
  var BACK = 6;

  // How far the path may lean from straight at the box's near edge: tan 70°.
  // The cone matters when the box sits just under a line of text: a flat
  // triangle to its corners would take in the words beside the trigger, and
  // moving along the line to the next term is not aiming at the box.
  var SPREAD = 2.75;

  function heading(box, start, p) {
    var rect = box.getBoundingClientRect();
    var left = rect.left - SLACK;
    var right = rect.right + SLACK;
    var top = rect.top - SLACK;
    var bottom = rect.bottom + SLACK;
    if (p.x >= left && p.x <= right && p.y >= top && p.y <= bottom) {
      return true;
    }

    var dx = p.x - start.x;
    var dy = p.y - start.y;
    var span = p.x >= left && p.x <= right;
    var along = dy;
    var across = dx;
    if (start.y >= bottom) {
      along = -dy;
    } else if (start.y > top) {
      span = p.y >= top && p.y <= bottom;
      along = start.x <= left ? dx : -dx;
      across = dy;
    }
    along += BACK;
    return span && along > 0 && Math.abs(across) <= along * SPREAD;
  }

  M.aim = function (box, from, to, restMs, onEnd) {
    var start = { x: from.x, y: from.y };
    var timer = 0;
    var ended = false;
    if (!heading(box, start, to)) {
      return null;
    }

    function stop() {
      ended = true;
      window.clearTimeout(timer);
      document.removeEventListener('pointermove', moved, true);
    }

    function end(resting) {
      if (!ended) {
        stop();
        onEnd(resting);
      }
    }

    function rest() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { end(true); }, restMs);
    }

    function moved(event) {
      if (heading(box, start, { x: event.clientX, y: event.clientY })) {
        rest();
      } else {
        end(false);
      }
    }

    document.addEventListener('pointermove', moved, true);
    rest();
    return stop;
  };
})();
