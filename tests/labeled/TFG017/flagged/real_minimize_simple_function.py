# source: https://newbe.dev/tensorflow-2-0-minimize-a-simple-function
# reported: Q&A on minimising log(x)^2 in TF 2.0: either compute gradients with a tape and apply_gradients, or pass a no-argument loss callable to opt.minimize(compute_loss, var_list=trainable_variables).
# observed (TF 2.21): AttributeError: 'SGD' object has no attribute 'minimize' -- raised at line 19 (opt.minimize with a Keras 3 optimizer)
import tensorflow as tf

x = tf.Variable(2, name="x", trainable=True, dtype=tf.float32)
opt = tf.keras.optimizers.SGD(learning_rate=0.1)
trainable_variables = [x]


# Option 2: define the loss computation as a function and let minimize build the tape
def compute_loss():
    log_x = tf.math.log(x)
    y = tf.math.square(log_x)
    return y


for step in range(20):
    train = opt.minimize(compute_loss, var_list=trainable_variables)  # expect: TFG017
print("RESULT x =", x.numpy(), "loss =", compute_loss().numpy())
