/**
 * Finance: budget monitoring — revenue lines against their cash limits with forecast variances,
 * adjustments and movements, and activity budgets against their affordable levels (volume and
 * price variances). Every derived figure is worked out from the lines, never typed.
 */
package org.oversight.finance;
