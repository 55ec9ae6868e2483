# source: https://newbe.dev/tensorflow-2-0-minimize-a-simple-function
# reported: Q&A on minimising log(x)^2 in TF 2.0; Option 1 of the answer: the tape computes the gradients and the optimizer only applies them with apply_gradients.
# observed (TF 2.21): runs clean (t.gradient at line 15, apply_gradients at line 16)
import tensorflow as tf

x = tf.Variable(2, name="x", trainable=True, dtype=tf.float32)
opt = tf.keras.optimizers.SGD(learning_rate=0.1)
trainable_variables = [x]

for step in range(20):
    with tf.GradientTape() as t:
        # no need to watch a variable: trainable variables are always watched
        log_x = tf.math.log(x)
        y = tf.math.square(log_x)
    gradients = t.gradient(y, trainable_variables)
    opt.apply_gradients(zip(gradients, trainable_variables))
print("RESULT x =", x.numpy(), "loss =", y.numpy())
