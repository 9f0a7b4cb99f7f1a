/*
  Marginalia — the popover that glossary terms and initiative mentions both
  show, on the reader. It comes after marginalia.js (the namespace, ready,
  the shared Escape) and settings.js, before the kinds' scripts.

  A popover here is a box in a hidden layer at the end of the essay, shown
  beside the link (its trigger) whose aria-describedby names it, and never
  copied. hoverable() gives it what WCAG 1.4.13 asks of content shown on
  hover or focus:

  - a mouse or pen resting on the trigger shows it after a delay, so a
    pointer crossing the text does not set boxes flashing; keyboard focus
    (visible focus only: a click focuses a link too) shows it at once;
  - hoverable: the pointer may travel onto the box, over other triggers on
    the way (popover-aim.js), and it stays;
  - persistent: it goes only a short grace after pointer and focus have
    both left trigger and box;
  - dismissible: Escape hides it and leaves focus where it was; it stays
    hidden until pointer and focus have left that trigger.

  Touch has no hover: a tap is left to the kind (a term opens a toggletip,
  a mention follows its link).
*/
(function () {
  'use strict';

  // The namespace, M.ready and M.onEscape come from marginalia.js, loaded
  // first on every page.
  var M = window.Marginalia;

  // ---------- Placing ----------

  /*
    Below the trigger, or above it when the box does not fit below and there
    is more room above; left-aligned with the trigger's line but kept inside
    the window, so at 320 px a box never makes the page scroll sideways. The
    layer sits at the page's origin, so a box placed in it scrolls with its
    text. A trigger can wrap: below, the box hangs from its last line;
    above, it stands on its first. The notch (--notch, for the stylesheet)
    points at the middle of that line, at least `notch` px in from either
    end of the box. `room` names the custom property that caps the box's
    width at the window's width less its edges.
  */
  function place(box, trigger, layer, spacing) {
    var viewWidth = document.documentElement.clientWidth;
    var viewHeight = document.documentElement.clientHeight;
    box.style.setProperty(spacing.room, Math.max(0, viewWidth - 2 * spacing.edge) + 'px');
    box.style.left = '0px';
    box.style.top = '0px';

    var origin = layer.getBoundingClientRect();
    var size = box.getBoundingClientRect();
    var lines = trigger.getClientRects();
    var first = lines.length > 0 ? lines[0] : trigger.getBoundingClientRect();
    var last = lines.length > 0 ? lines[lines.length - 1] : first;

    var roomBelow = viewHeight - last.bottom - spacing.gap;
    var roomAbove = first.top - spacing.gap;
    var above = size.height > roomBelow && roomAbove > roomBelow;
    var anchor = above ? first : last;

    var left = Math.min(anchor.left, viewWidth - spacing.edge - size.width);
    left = Math.max(left, spacing.edge);
    var top = above ? anchor.top - spacing.gap - size.height : anchor.bottom + spacing.gap;
    var notch = Math.min(Math.max(anchor.left + anchor.width / 2 - left, spacing.notch), size.width - spacing.notch);

    box.style.left = Math.round(left - origin.left) + 'px';
    box.style.top = Math.round(top - origin.top) + 'px';
    box.style.setProperty('--notch', Math.round(notch) + 'px');
    box.classList.toggle('is-above', above);
  }

  function unplace(box, spacing) {
    box.style.left = '';
    box.style.top = '';
    box.style.removeProperty('--notch');
    box.style.removeProperty(spacing.room);
    box.classList.remove('is-above');
  }

  function focusVisible(element) {
    try {
      return element.matches(':focus-visible');
    } catch (error) {
      // A browser without :focus-visible: any focus is worth a popover.
      return true;
    }
  }

  // Touch has no hover: its pointerenter comes with the tap.
  function hovers(event) {
    return event.pointerType !== 'touch';
  }

  /*
    Shows one box at a time for a set of triggers. Options:
    boxOf (Map trigger → box), layer, within (the element whose reflow moves
    the triggers), spacing (see place), showDelay, switchDelay (the wait
    once a box is already open; 0 shows the next at once), hideGrace,
    aimRest (popover-aim.js), shownClass (put on the trigger whose box is
    shown), escapeRank (see onEscape), settleOnScrollEnd (place again once a
    scroll comes to rest), two optional vetoes: ignoreFocus(), mayShow(t).
  */
  M.hoverable = function (options) {
    var boxOf = options.boxOf;
    var spacing = options.spacing;
    var shown = null;           // { trigger, box } on screen
    var pointerTrigger = null;  // the trigger under a hovering pointer
    var focusTrigger = null;    // the trigger with visible keyboard focus
    var overBox = false;        // the pointer is on the shown box
    var dismissed = null;       // Escape hid this trigger's box: not again until pointer and focus leave it
    var showTimer = 0;
    var hideTimer = 0;
    var stopAim = null;         // set while the pointer heads for the shown box
    var lastOnTrigger = null;   // where the pointer last moved on a trigger

    function placeAgain() {
      if (shown) {
        place(shown.box, shown.trigger, options.layer, spacing);
      }
    }

    function show(trigger) {
      window.clearTimeout(showTimer);
      window.clearTimeout(hideTimer);
      if (shown && shown.trigger === trigger) {
        return;
      }

      hide();
      if (options.mayShow && !options.mayShow(trigger)) {
        return;
      }

      var box = boxOf.get(trigger);
      box.hidden = false;
      place(box, trigger, options.layer, spacing);
      trigger.classList.add(options.shownClass);
      shown = { trigger: trigger, box: box };

      // Focus fires before the browser scrolls the focused trigger into
      // view, so the room above and below was judged on the old scroll:
      // judge again once it has moved.
      window.requestAnimationFrame(placeAgain);
    }

    function hide() {
      window.clearTimeout(hideTimer);
      quietAim();
      if (!shown) {
        return;
      }

      var closing = shown;
      shown = null;
      overBox = false;
      // Focus inside a box that vanishes would fall to <body>; it goes back
      // to the trigger the box belongs to instead.
      var hadFocus = closing.box.contains(document.activeElement);
      closing.box.hidden = true;
      unplace(closing.box, spacing);
      closing.trigger.classList.remove(options.shownClass);
      if (hadFocus) { closing.trigger.focus({ preventScroll: true }); }
    }

    function held() { // whether anything still holds the shown box open
      return shown !== null && (
        pointerTrigger === shown.trigger ||
        focusTrigger === shown.trigger ||
        overBox ||
        stopAim !== null ||
        shown.box.contains(document.activeElement));
    }

    function hideSoon() {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(function () {
        if (!held()) {
          hide();
        }
      }, options.hideGrace);
    }

    function showAfter(trigger, delay) {
      window.clearTimeout(showTimer);
      if (delay === 0) {
        return show(trigger);
      }
      showTimer = window.setTimeout(function () {
        if (pointerTrigger === trigger && dismissed !== trigger) {
          show(trigger);
        }
      }, delay);
    }

    function quietAim() {
      if (stopAim) { stopAim(); }
      stopAim = null;
    }

    // While the pointer heads for the box, triggers crossed wait; when it
    // turns away or rests, what lies under it decides (a rest has waited).
    function aimFrom(to) {
      quietAim();
      if (!lastOnTrigger) { return; }
      stopAim = M.aim(shown.box, lastOnTrigger, to, options.aimRest, function (resting) {
        stopAim = null;
        var under = pointerTrigger;
        if (under && shown && under !== shown.trigger && dismissed !== under) {
          showAfter(under, resting ? 0 : options.switchDelay);
        }
        if (!held()) {
          hideSoon();
        }
      });
    }

    function forgetDismissal() {
      if (dismissed && dismissed !== pointerTrigger && dismissed !== focusTrigger) {
        dismissed = null;
      }
    }

    boxOf.forEach(function (box, trigger) {
      trigger.addEventListener('pointerenter', function (event) {
        if (!hovers(event)) {
          return;
        }

        pointerTrigger = trigger;
        lastOnTrigger = { x: event.clientX, y: event.clientY };
        if (dismissed === trigger) {
          return;
        }

        if (stopAim && shown) {
          if (shown.trigger === trigger) { quietAim(); }
          return;
        }

        showAfter(trigger, shown ? options.switchDelay : options.showDelay);
      });

      trigger.addEventListener('pointermove', function (event) {
        lastOnTrigger = { x: event.clientX, y: event.clientY };
      });

      trigger.addEventListener('pointerleave', function (event) {
        if (!hovers(event)) {
          return;
        }

        if (pointerTrigger === trigger) {
          pointerTrigger = null;
        }

        window.clearTimeout(showTimer);
        forgetDismissal();
        if (shown && shown.trigger === trigger) {
          if (options.aimRest && M.aim) {
            aimFrom({ x: event.clientX, y: event.clientY });
          }
          if (!stopAim) {
            hideSoon();
          }
        }
      });

      trigger.addEventListener('focus', function () {
        if ((options.ignoreFocus && options.ignoreFocus()) || !focusVisible(trigger)) {
          return;
        }

        focusTrigger = trigger;
        if (dismissed !== trigger) {
          show(trigger);
        }
      });

      trigger.addEventListener('blur', function () {
        if (focusTrigger === trigger) {
          focusTrigger = null;
        }

        forgetDismissal();
        if (shown && shown.trigger === trigger && !held()) {
          hide();
        }
      });
    });

    new Set(boxOf.values()).forEach(function (box) {
      box.addEventListener('pointerenter', function () {
        if (shown && shown.box === box) {
          overBox = true;
          quietAim();
          window.clearTimeout(hideTimer);
        }
      });

      box.addEventListener('pointerleave', function () {
        if (shown && shown.box === box) {
          overBox = false;
          hideSoon();
        }
      });

      // Focus that leaves a box for somewhere else (not its trigger) takes
      // the box with it, unless the pointer still rests on it.
      box.addEventListener('focusout', function () {
        if (shown && shown.box === box) {
          hideSoon();
        }
      });
    });

    M.onEscape(options.escapeRank, function () {
      if (!shown) {
        return false;
      }

      dismissed = shown.trigger;
      window.clearTimeout(showTimer);
      hide();
      return true;
    });

    // The text reflows on resizing, as fonts arrive and as notes move beside
    // or under paragraphs: a box on screen follows its trigger.
    window.addEventListener('resize', placeAgain);
    if (window.ResizeObserver) {
      new ResizeObserver(placeAgain).observe(options.within);
    }

    // Focus may scroll its trigger into view smoothly, still moving the
    // frame after: once the scroll has come to rest, judge again which side
    // has room. Not while the pointer is on the box, which must not move
    // out from under it.
    if (options.settleOnScrollEnd) {
      window.addEventListener('scrollend', function () {
        if (shown && !overBox) {
          placeAgain();
        }
      });
    }

    // Paper has no hover: nothing stays open over the printed text.
    window.addEventListener('beforeprint', function () {
      window.clearTimeout(showTimer);
      hide();
    });

    return {
      hide: hide,
      isShown: function () { return shown !== null; },
    };
  };

  M.place = place;
  M.unplace = unplace;
})();
