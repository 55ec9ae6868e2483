# An HMC-style step: the proposal is written into the state variable with assign_add, and the
# energy is computed from the state; its gradient with respect to the momentum is None.
import tensorflow as tf

state = tf.Variable([0.3, -0.2])
momentum = tf.constant([1.0, 0.5])
step_size = 0.1
with tf.GradientTape() as tape:
    tape.watch(momentum)
    state.assign_add(step_size * momentum)
    energy = 0.5 * tf.reduce_sum(state ** 2) + 0.5 * tf.reduce_sum(momentum ** 2)
    position_energy = 0.5 * tf.reduce_sum(state ** 2)
d_energy = tape.gradient(position_energy, momentum)  # expect: TFG014
print(energy.numpy(), d_energy)
