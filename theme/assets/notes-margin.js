/*
  Marginalia — where each sidenote stands: arithmetic only, no page access.

  notes.js measures and writes; this file decides. The problem: an essay may
  carry a note on every sentence, and a note set beside its marker soon runs
  into the next, so a plain stack drifts further from its passage with every
  note. Here every note has four compact forms (data-fit 3: two lines of its
  first words; 2: one line; 1: number and kind alone, a chip; 0: the number
  alone, a chip, for runs of notes on one line), and the notes
  whose markers share a line form a group that starts level with the line.
  Groups stack down each margin; where a group would start more than `limit`
  below its line, or the last one would end past the essay, the groups
  pushing it give up a line, the tallest first, until it fits (or nothing is
  left to give: then the drift stands, the least the margin allows).

  Wide windows have one margin; very wide ones two, and each group takes the
  side where it can start nearer its line.

  Input, in page pixels:
    groups: [{ want, notes: [{ heights: [h0, h1, h2, h3], widths: [w0, w1] (chips), open: full height or 0 }] }]
    options: { gap, inner, limit, end, width, sides: 1 or 2 }
  Output, written into each group: side (0 right, 1 left), level, and per
  note top and dx (a chip's offset in its row). Opening a note passes its
  full height in `open` and keeps the levels (`refit: false`): the notes
  below are pushed, and they come back when it closes, since the same input
  gives the same places.
*/
(function () {
  'use strict';

  var M = window.Marginalia;

  // A group's members laid out from its top: chips side by side in rows as
  // wide as the margin, anything taller (a form with words, an open note)
  // on its own row. Returns the group's height.
  function arrange(group, level, options) {
    var y = 0;
    var rowHeight = 0;
    var x = 0;
    group.notes.forEach(function (note) {
      var chip = level <= 1 && !note.open;
      if (chip && rowHeight > 0 && x + note.widths[level] <= options.width) {
        note.dy = y;
        note.dx = x;
        x += note.widths[level] + options.inner;
        rowHeight = Math.max(rowHeight, note.heights[level]);
        return;
      }

      if (rowHeight > 0) {
        y += rowHeight + options.inner;
        rowHeight = 0;
      }

      note.dy = y;
      note.dx = 0;
      if (chip) {
        x = note.widths[level] + options.inner;
        rowHeight = note.heights[level];
      } else {
        x = 0;
        y += (note.open || note.heights[level]) + options.inner;
      }
    });

    return (rowHeight > 0 ? y + rowHeight : y - options.inner);
  }

  // One margin's groups, from index `from` on: each starts level with its
  // line or a gap under the group above. Returns the first group (index)
  // that starts too far below its line, or chain.length when the last one
  // ends past the essay, or -1 when every group fits.
  function stack(chain, from, options) {
    for (var i = from; i < chain.length; i++) {
      var group = chain[i];
      var floor = i > 0 ? chain[i - 1].bottom + options.gap : -Infinity;
      group.top = Math.max(group.want, floor);
      group.bottom = group.top + arrange(group, group.level, options);
      if (group.top > group.want + options.limit && !group.accepted) {
        return i;
      }
    }

    var last = chain[chain.length - 1];
    return last && last.bottom > options.end && !last.acceptedEnd ? chain.length : -1;
  }

  // The groups that push group `at` (or the essay's end): back from it to
  // the last one that starts at its own line. The tallest form among them
  // gives up a line; the nearest when several are as tall.
  function shrink(chain, at) {
    var first = Math.min(at, chain.length) - 1;
    while (first > 0 && chain[first].top > chain[first].want) {
      first--;
    }

    var best = null;
    for (var i = Math.min(at, chain.length - 1); i >= first && i >= 0; i--) {
      var group = chain[i];
      if (i === at) {
        continue;
      }

      if (group.level > 0 && (best === null || group.level > best.level)) {
        best = group;
      }
    }

    if (best === null) {
      return -1;
    }

    best.level--;
    return Math.max(0, first);
  }

  function fit(chain, options) {
    var from = 0;
    for (var guard = 0; guard < chain.length * 3 + 3; guard++) {
      var at = stack(chain, from, options);
      if (at < 0) {
        return;
      }

      var restart = shrink(chain, at);
      if (restart < 0) {
        // Nothing above can give more: this drift is the least there is.
        if (at === chain.length) {
          chain[at - 1].acceptedEnd = true;
        } else {
          chain[at].accepted = true;
        }

        from = Math.max(0, at - 1);
      } else {
        from = restart;
      }
    }

    stack(chain, 0, options);
  }

  // Which margin each group takes: the right one, unless it would start
  // there more than half the allowed drift below its line and the left one
  // has it nearer (so a page with room keeps to one side, and the left is
  // for the dense stretches), measured at the fullest form.
  function chooseSides(groups, options) {
    var floors = [-Infinity, -Infinity];
    groups.forEach(function (group) {
      var right = Math.max(group.want, floors[0]);
      var left = Math.max(group.want, floors[1]);
      group.side = options.sides > 1 && right - group.want > options.limit / 2 && left < right ? 1 : 0;
      floors[group.side] = Math.max(group.want, floors[group.side]) + arrange(group, 3, options) + options.gap;
    });
  }

  // Lays the groups out. With `refit` (a new page, a new width, new fonts)
  // each group's form is chosen afresh; without (a note opened or closed)
  // the forms stay and only the places move.
  M.marginLayout = function (groups, options, refit) {
    if (refit) {
      groups.forEach(function (group) {
        group.level = 3;
        group.accepted = false;
        group.acceptedEnd = false;
      });
      chooseSides(groups, options);
    }

    [0, 1].forEach(function (side) {
      var chain = groups.filter(function (group) { return group.side === side; });
      if (refit) {
        fit(chain, options);
      } else {
        stack(chain, 0, { gap: options.gap, inner: options.inner, width: options.width, limit: Infinity, end: Infinity });
      }

      chain.forEach(function (group) {
        group.notes.forEach(function (note) {
          note.top = group.top + note.dy;
        });
      });
    });
  };
})();
