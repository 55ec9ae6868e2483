# A residual helper takes the network as a parameter named like the module's ReLU classifier;
# it is called with a tanh network.
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
model = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(16, activation="relu"),
                             tf.keras.layers.Dense(1)])
pinn = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(16, activation="tanh"),
                            tf.keras.layers.Dense(1)])


def second_derivative(model, x):
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        u = model(x)
        u_x = tape.gradient(u, x)
    u_xx = tape.gradient(u_x, x)
    return u_xx


print("u_xx:", second_derivative(pinn, tf.constant([[0.2], [0.5], [0.8]])).numpy().ravel())
print("classifier out:", model(tf.constant([[1.0]])).numpy())
