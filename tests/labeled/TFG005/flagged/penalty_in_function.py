# Gradient-penalty loss inside a function: the penalty from the inner gradient is formed
# after the parameter tape block, then differentiated w.r.t. the weights.
import tensorflow as tf

w = tf.Variable(tf.random.normal([3, 1]))


def penalty_step(x):
    with tf.GradientTape() as param_tape:
        with tf.GradientTape() as input_tape:
            input_tape.watch(x)
            score = tf.matmul(x, w)
        gx = input_tape.gradient(score, x)
    gp = tf.reduce_mean((tf.norm(gx, axis=1) - 1.0) ** 2)
    return param_tape.gradient(gp, w)  # expect: TFG005


print(penalty_step(tf.random.normal([4, 3])))
